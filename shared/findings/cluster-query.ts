/**
 * The ECS cluster query language of `memberOf` placement constraints, parsed by a grammar (ohm-js) and
 * evaluated against one container instance. Syntax from the Amazon ECS Developer Guide, "Create expressions
 * to define container instances for Amazon ECS tasks" (cluster-query-language, read 2026-12-06):
 * `subject operator [argument]`, subjects `agentConnected`, `agentVersion`, `attribute:<name>`,
 * `ec2InstanceId`, `registeredAt`, `runningTasksCount`, `task:group`; compound with `and`/`&&`, `or`/`||`,
 * `not`/`!` and parentheses; `in` takes `[a, b]`; `matches` takes a Java regular expression (whole value).
 */
import * as ohm from 'ohm-js';

const GRAMMAR = String.raw`
ClusterQuery {
  Exp = OrExp
  OrExp = OrExp orOp AndExp  -- or
        | AndExp
  AndExp = AndExp andOp NotExp  -- and
         | NotExp
  NotExp = notOp NotExp  -- not
         | Primary
  Primary = "(" Exp ")"  -- paren
          | Comparison
  Comparison = subject listOp List  -- list
             | subject existsOp  -- exists
             | subject cmpOp value  -- cmp
  List = "[" ListOf<value, ","> "]"

  subject = "attribute:" attrName  -- attribute
          | "task:group"  -- group
          | fieldName  -- field
  attrName = (alnum | "." | "-" | "_" | "/" | ":")+
  fieldName = letter (alnum | "_")*

  orOp = "||" | kw<"or">
  andOp = "&&" | kw<"and">
  notOp = kw<"not"> | "!" ~("=" | "~" | kw<"in"> | kw<"exists">)
  existsOp = "!exists" | kw<"not_exists"> | kw<"exists">
  listOp = "!in" | kw<"not_in"> | kw<"in">
  cmpOp = "==" | "!=" | ">=" | "<=" | "=~" | "!~" | ">" | "<"
        | kw<"equals"> | kw<"not_equals"> | kw<"greater_than_equal"> | kw<"greater_than">
        | kw<"less_than_equal"> | kw<"less_than"> | kw<"matches"> | kw<"not_matches">
  kw<word> = word ~(alnum | "_")

  value = quoted | bare
  quoted = "\"" (~"\"" any)* "\""  -- double
         | "'" (~"'" any)* "'"  -- single
  bare = (~(space | "[" | "]" | "," | "(" | ")") any)+
}
`;

/** A parsed cluster query expression. */
export type QueryNode =
  | { type: 'or' | 'and'; left: QueryNode; right: QueryNode }
  | { type: 'not'; operand: QueryNode }
  | { type: 'compare'; subject: Subject; op: CompareOp; argument: string }
  | { type: 'list'; subject: Subject; negated: boolean; values: string[] }
  | { type: 'exists'; subject: Subject; negated: boolean };

/** What a comparison reads on the instance. */
export type Subject = { kind: 'attribute'; name: string } | { kind: 'taskGroup' } | { kind: 'field'; name: string };

/** Comparison operators, by their symbol. */
export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=' | '=~' | '!~';

const WORD_OPS: Record<string, CompareOp> = {
  equals: '==',
  not_equals: '!=',
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
  matches: '=~',
  not_matches: '!~',
};

const grammar = ohm.grammar(GRAMMAR);
const semantics = grammar.createSemantics();
semantics.addOperation<unknown>('ast', {
  OrExp_or: (l, _op, r) => ({ type: 'or', left: l.ast(), right: r.ast() }),
  AndExp_and: (l, _op, r) => ({ type: 'and', left: l.ast(), right: r.ast() }),
  NotExp_not: (_op, e) => ({ type: 'not', operand: e.ast() }),
  Primary_paren: (_o, e, _c) => e.ast(),
  Comparison_list: (s, op, list) => ({
    type: 'list',
    subject: s.ast(),
    negated: op.sourceString !== 'in',
    values: list.ast(),
  }),
  Comparison_exists: (s, op) => ({ type: 'exists', subject: s.ast(), negated: op.sourceString !== 'exists' }),
  Comparison_cmp: (s, op, v) => ({
    type: 'compare',
    subject: s.ast(),
    op: WORD_OPS[op.sourceString] ?? op.sourceString,
    argument: v.ast(),
  }),
  List: (_o, items, _c) => items.asIteration().children.map((c) => c.ast()),
  subject_attribute: (_p, name) => ({ kind: 'attribute', name: name.sourceString }),
  subject_group: (_g) => ({ kind: 'taskGroup' }),
  subject_field: (name) => ({ kind: 'field', name: name.sourceString }),
  quoted_double: (_o, chars, _c) => chars.sourceString,
  quoted_single: (_o, chars, _c) => chars.sourceString,
  bare(this: ohm.Node, _chars) {
    return this.sourceString;
  },
  _iter: (...children) => children.map((c) => c.ast()),
  _terminal(this: ohm.Node) {
    return this.sourceString;
  },
});

/** A parse result: the tree, or where and why the text is not a cluster query. */
export type ParseResult = { ok: true; node: QueryNode } | { ok: false; message: string };

/** Parses one cluster query expression (the `expression` of a `memberOf` constraint). */
export function parseClusterQuery(text: string): ParseResult {
  const match = grammar.match(text, 'Exp');
  if (match.failed()) return { ok: false, message: match.shortMessage ?? 'not a cluster query expression' };
  return { ok: true, node: semantics(match).ast() as QueryNode };
}

/** What an expression is evaluated against: one container instance and the task groups running on it. */
export interface QueryTarget {
  attributes: ReadonlyMap<string, string | undefined>;
  agentConnected?: boolean;
  agentVersion?: string;
  ec2InstanceId?: string;
  registeredAt?: string;
  runningTasksCount?: number;
  /** `task:group` values of the tasks on the instance (`service:web`, `family:batch`). */
  taskGroups: readonly string[];
}

/** The values a subject has on the target: none (absent), one, or several (`task:group`). */
function subjectValues(subject: Subject, t: QueryTarget): string[] {
  switch (subject.kind) {
    case 'attribute': {
      if (!t.attributes.has(subject.name)) return [];
      // An attribute without a value (a capability) exists; it compares as the empty string.
      return [t.attributes.get(subject.name) ?? ''];
    }
    case 'taskGroup':
      return [...t.taskGroups];
    case 'field': {
      const v = (
        {
          agentConnected: t.agentConnected,
          agentVersion: t.agentVersion,
          ec2InstanceId: t.ec2InstanceId,
          registeredAt: t.registeredAt,
          runningTasksCount: t.runningTasksCount,
        } as Record<string, string | number | boolean | undefined>
      )[subject.name];
      return v === undefined ? [] : [String(v)];
    }
  }
}

/** Orders two values as numbers, as dotted versions (agentVersion 1.10.0 > 1.9.0), as dates, else as text. */
function order(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  const version = /^\d+(\.\d+)+$/;
  if (version.test(a) && version.test(b)) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
      const d = (pa[i] ?? 0) - (pb[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  }
  const da = Date.parse(a);
  const db = Date.parse(b);
  if (Number.isFinite(da) && Number.isFinite(db)) return da - db;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A Java-style `matches`: the pattern must match the whole value. A pattern JS cannot read matches nothing. */
function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}

function compare(op: CompareOp, value: string, argument: string): boolean {
  switch (op) {
    case '==':
      return value === argument;
    case '!=':
      return value !== argument;
    case '=~':
      return fullMatch(argument, value);
    case '!~':
      return !fullMatch(argument, value);
    case '>':
      return order(value, argument) > 0;
    case '>=':
      return order(value, argument) >= 0;
    case '<':
      return order(value, argument) < 0;
    case '<=':
      return order(value, argument) <= 0;
  }
}

/** True when the instance satisfies the expression. A comparison on an absent subject is false (negations too). */
export function evaluateClusterQuery(node: QueryNode, target: QueryTarget): boolean {
  switch (node.type) {
    case 'or':
      return evaluateClusterQuery(node.left, target) || evaluateClusterQuery(node.right, target);
    case 'and':
      return evaluateClusterQuery(node.left, target) && evaluateClusterQuery(node.right, target);
    case 'not':
      return !evaluateClusterQuery(node.operand, target);
    case 'exists':
      return subjectValues(node.subject, target).length > 0 !== node.negated;
    case 'list': {
      const values = subjectValues(node.subject, target);
      if (values.length === 0) return false;
      const inList = values.some((v) => node.values.includes(v));
      return node.negated ? !inList : inList;
    }
    case 'compare': {
      const values = subjectValues(node.subject, target);
      if (values.length === 0) return false;
      // task:group holds one value per task: `==` asks whether any task is in the group, `!=` whether none is.
      if (node.op === '!=' || node.op === '!~') return values.every((v) => compare(node.op, v, node.argument));
      return values.some((v) => compare(node.op, v, node.argument));
    }
  }
}
