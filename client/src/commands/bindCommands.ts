import type { AnyCommand, Command, CommandContext, KeyBinding } from './Command.js'
import { matchesKey, type KeyPress } from './keyBinding.js'
import { COMMANDS } from './registry.js'

/** The registry bound to the page as it is now: what applies, and running it. */
export interface Commands {
  readonly ctx: CommandContext
  /** Those of `list` that apply now, in its order. */
  available(list: readonly AnyCommand[]): AnyCommand[]
  /** Whether a command applies now (to `arg`, when given): offered, and its keys work. */
  applies<A>(command: Command<A>, arg?: A): boolean
  isEnabled<A>(command: Command<A>, arg?: A): boolean
  /** Runs a command if it applies and is enabled now; says whether it ran. */
  run<A>(command: Command<A>, arg?: A): boolean
  /** The command a key press is for now, and the binding it matched. */
  forKey(press: KeyPress): { command: AnyCommand; binding: KeyBinding<unknown> } | null
  /** Runs what a key press is for now; the binding it matched, or null when there is none. */
  runKey(press: KeyPress): KeyBinding<unknown> | null
}

/** Binds the registry to a context, so every place runs a command by the same rules. */
export function bindCommands(ctx: CommandContext, all: readonly AnyCommand[] = COMMANDS): Commands {
  const isEnabled = <A>(c: Command<A>, arg?: A) =>
    c.available(ctx, arg) && (c.enabled?.(ctx, arg) ?? true)
  const forKey = (press: KeyPress) => {
    for (const command of all) {
      const binding = command.keys?.find((k) => matchesKey(k, press))
      if (binding && command.available(ctx, binding.arg)) return { command, binding }
    }
    return null
  }
  const run = <A>(command: Command<A>, arg?: A) => {
    if (!isEnabled(command, arg)) return false
    command.run(ctx, arg)
    return true
  }
  return {
    ctx,
    available: (list) => list.filter((c) => c.available(ctx)),
    applies: (command, arg) => command.available(ctx, arg),
    isEnabled,
    run,
    forKey,
    runKey(press) {
      const found = forKey(press)
      if (found) run(found.command, found.binding.hold ? true : found.binding.arg)
      return found?.binding ?? null
    },
  }
}
