import { JourneyError } from '#customer/support/journey_error'

/**
 * A journey as an explicit state machine (ARCHITECTURE §6): states, and
 * transitions naming who may act. Each transition is performed by one action
 * file that calls `assertTransition` first, so a transition from a wrong state
 * is refused whatever route it came from.
 */
export interface Transition {
  name: string
  from: string[]
  to: string
  actors: string
}

export interface Machine {
  id: string
  states: string[]
  transitions: Transition[]
}

/** The transition, if `current` allows it; otherwise a 409 naming the state. */
export function assertTransition(
  machine: Machine,
  name: string,
  current: string | null
): Transition {
  const transition = machine.transitions.find((candidate) => candidate.name === name)
  if (!transition) throw new Error(`${machine.id} has no transition ${name}`)
  if (current !== null && !transition.from.includes(current)) {
    throw new JourneyError(
      `Cannot ${name.replaceAll('_', ' ')} while the ${machine.id.replaceAll('_', ' ')} is ${current}`
    )
  }
  return transition
}
