import { MessageDefinitionError } from './message-errors.js';

/** One `---`-separated section of a `.srv` or `.action` text. */
export interface TextSection {
  /** The section's text. */
  readonly text: string;
  /** 1-based line number of the section's first line in the whole text. */
  readonly firstLine: number;
}

const SEPARATOR = /^\s*---\s*$/;

/**
 * Splits a `.srv` (2 sections: request, response) or `.action` text (3 sections: goal, result,
 * feedback) at its `---` lines.
 *
 * @throws MessageDefinitionError when the number of separators is wrong
 */
export function splitSections(text: string, expected: 2 | 3, file: string): TextSection[] {
  const lines = text.split('\n');
  const sections: TextSection[] = [];
  let start = 0;
  lines.forEach((line, index) => {
    if (!SEPARATOR.test(line)) return;
    if (sections.length === expected - 1) {
      throw new MessageDefinitionError(
        `too many '---' separators: ${expected === 2 ? 'a .srv file has request --- response' : 'an .action file has goal --- result --- feedback'}`,
        { file, line: index + 1, col: 1 },
      );
    }
    sections.push({ text: lines.slice(start, index).join('\n'), firstLine: start + 1 });
    start = index + 1;
  });
  if (sections.length !== expected - 1) {
    throw new MessageDefinitionError(
      `expected ${expected - 1} '---' separator${expected === 3 ? 's' : ''} (${expected === 2 ? 'request --- response' : 'goal --- result --- feedback'}), found ${sections.length}`,
      { file, line: lines.length, col: 1 },
    );
  }
  sections.push({ text: lines.slice(start).join('\n'), firstLine: start + 1 });
  return sections;
}

/** Name suffixes of the message types the ROS 2 action protocol wraps around goal, result and feedback. */
export const ACTION_WRAPPER_SUFFIXES = [
  '_SendGoal_Request',
  '_SendGoal_Response',
  '_GetResult_Request',
  '_GetResult_Response',
  '_FeedbackMessage',
] as const;

/** Suffix of one action wrapper type. */
export type ActionWrapperSuffix = (typeof ACTION_WRAPPER_SUFFIXES)[number];

/**
 * The definition texts of the wrapper types of action `pkg/action/name`, as rosidl derives them
 * from every `.action` file.
 */
export function actionWrapperTexts(pkg: string, name: string): Record<ActionWrapperSuffix, string> {
  const own = (suffix: string): string => `${pkg}/action/${name}${suffix}`;
  return {
    _SendGoal_Request: [
      '# Asks the action server to start a goal.',
      '',
      '# Client-chosen id of the goal.',
      'unique_identifier_msgs/UUID goal_id',
      '# What to achieve.',
      `${own('_Goal')} goal`,
      '',
    ].join('\n'),
    _SendGoal_Response: [
      '# Whether the action server accepted a goal.',
      '',
      '# True when the goal was accepted.',
      'bool accepted',
      '# When the server decided.',
      'builtin_interfaces/Time stamp',
      '',
    ].join('\n'),
    _GetResult_Request: [
      '# Asks for the result of a goal; answered once the goal is done.',
      '',
      '# Id of the goal.',
      'unique_identifier_msgs/UUID goal_id',
      '',
    ].join('\n'),
    _GetResult_Response: [
      '# The final status and result of a goal.',
      '',
      '# Terminal status, one of the action_msgs/GoalStatus STATUS_* values.',
      'int8 status',
      '# The result.',
      `${own('_Result')} result`,
      '',
    ].join('\n'),
    _FeedbackMessage: [
      '# Feedback about a goal, as published on the feedback topic.',
      '',
      '# Id of the goal.',
      'unique_identifier_msgs/UUID goal_id',
      '# The feedback.',
      `${own('_Feedback')} feedback`,
      '',
    ].join('\n'),
  };
}
