import type {Goal, GoalInput, GradeReport} from './goal.js';
import type {Network} from './network.js';

/**
 * Grades a network against goals.
 * PLACEHOLDER until the engine lands (issue 2): the real grader replaces this file.
 */
export function grade(network: Network, goals: readonly (Goal | GoalInput)[]): GradeReport {
	void network;
	void goals;
	throw new Error('grade: not implemented yet');
}
