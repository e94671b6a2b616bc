/**
 * @file zan: a language for acts, their amendments and comparative links.
 * @license MIT OR Apache-2.0
 *
 * The grammar is deliberately whitespace-insensitive (no external scanner):
 * blocks are delimited by braces, legal text lives in double-quoted strings
 * of one line each (an unterminated string ends at the end of its line, so
 * error recovery resumes on the next), and inline references are written
 * inside strings as `[display words](target)`.
 *
 * One external token breaks that rule, for error recovery only: a block left
 * open closes where a line starts with `act`, `amendment` or `bill` (src/scanner.c),
 * so one stray `{` does not swallow the acts and amendments after it.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

const UNIT_KINDS = [
  'book', 'division', 'section', 'subsection', 'chapter', 'subchapter',
  'article', 'paragraph', 'part', 'point', 'subpoint', 'indent', 'note',
];

const RELATIONS = ['corresponds', 'stricter', 'lenient', 'broader', 'narrower', 'implements'];

module.exports = grammar({
  name: 'zan',

  extras: $ => [/\s/, $.comment],

  // Keywords are lexed as identifiers first, so an unknown word such as
  // `abolish` is one bad token, not a run of two-letter language codes.
  word: $ => $.identifier,

  // `unclosed`: zero width, before a top-level keyword at the start of a
  // line, where a block's `}` is missing. `_recovering` is never valid in
  // the grammar: the scanner sees it valid only during error recovery.
  externals: $ => [$.unclosed, $._recovering],

  supertypes: $ => [$._operation],

  // A target may be followed by a unit (`compare … coe.ets185` then
  // `article 2 {…}`): GLR keeps both readings and drops the one that fails.
  conflicts: $ => [[$.target]],

  rules: {
    source_file: $ => repeat(choice($.act, $.amendment, $.bill)),

    comment: _ => token(seq('#', /[^\n]*/)),

    // A block's end: its `}`, or (an error) the next act or amendment.
    _close: $ => choice('}', $.unclosed),

    // ---------------------------------------------------------------- acts

    act: $ => seq(
      'act',
      field('id', $.act_id),
      optional(seq('version', field('version', $.date))),
      field('body', $.act_body),
    ),

    act_body: $ => seq('{', repeat($._act_item), $._close),

    _act_item: $ => choice(
      $.jurisdiction,
      $.act_kind,
      $.official_number,
      $.adopted,
      $.in_force,
      $.languages,
      $.title,
      $.source,
      $.unit,
      $.comparison,
      $.history,
    ),

    jurisdiction: $ => seq('jurisdiction', field('code', $.identifier)),
    act_kind: $ => seq('kind', field('kind', $.identifier)),
    official_number: $ => seq('number', field('value', $.string)),
    adopted: $ => seq('adopted', field('date', $.date)),
    in_force: $ => seq('in-force', field('date', $.date)),
    languages: $ => seq('languages', repeat1($.lang)),
    source: $ => seq('source', field('value', $.string)),

    title: $ => seq('title', $._localized),

    // `kk official "…" cite "…"`: a text in one language.
    text: $ => $._localized,

    _localized: $ => seq(
      field('lang', $.lang),
      optional(field('fidelity', $.fidelity)),
      field('value', $.string),
      optional(seq('cite', field('source', $.string))),
    ),

    fidelity: _ => choice('official', 'summary'),

    // --------------------------------------------------------------- units

    unit: $ => seq(
      field('kind', $.unit_kind),
      optional(field('number', $._number)),
      field('body', $.unit_body),
    ),

    unit_body: $ => seq('{', repeat($._unit_item), $._close),

    _unit_item: $ => choice(
      $.title,
      $.text,
      $.unit,
      $.comparison,
      $.repealed,
      $.history,
      $.remark,
    ),

    // A reviewer's remark on the unit (`zan review import` writes them):
    // `remark open "Author" 2025-03-01 { "text" "more text" reply "Other" 2025-03-02 "text" }`.
    // Not part of the legal text.
    remark: $ => seq(
      'remark',
      field('status', $.remark_status),
      field('author', $.string),
      field('date', $.date),
      field('body', $.remark_body),
    ),

    remark_status: _ => choice('open', 'resolved'),

    remark_body: $ => seq('{', repeat1(field('text', $.string)), repeat($.reply), $._close),

    // A reply's paragraphs, as a remark's, are strings one after another.
    reply: $ => seq('reply', field('author', $.string), field('date', $.date), repeat1(field('text', $.string))),

    // Editorial history, as the official database records it: each change
    // by an amending law (`amended "180-VI" 2018-07-12 in-force
    // 2018-07-24`), and the database's notes («Сноска.», «Ескерту.») as
    // written.
    history: $ => seq('history', field('body', $.history_body)),

    history_body: $ => seq('{', repeat(choice($.change, $.text)), $._close),

    change: $ => seq(
      field('kind', $.change_kind),
      field('law', $.string),
      field('date', $.date),
      optional(seq('in-force', field('in_force', $.date))),
    ),

    change_kind: _ => choice('amended', 'added', 'rewritten', 'repealed'),

    // A tombstone: the unit stays in place with its number ("алып тасталды").
    repealed: $ => seq('repealed', optional(field('date', $.date))),

    unit_kind: _ => choice(...UNIT_KINDS),

    _number: $ => choice($.number, $.quoted_number),
    // 15, 213-1, 9-1, 202a, 226-18, 274.1, IV, 263а (Cyrillic suffix allowed).
    number: _ => /[0-9\p{L}]+([-:.][0-9\p{L}]+)*/,
    // Numbers with spaces, written as in the source: "9 c".
    quoted_number: _ => seq('"', token.immediate(/[^"\n]+/), token.immediate('"')),

    // ---------------------------------------------------- comparative links

    comparison: $ => seq(
      'compare',
      field('relation', $.relation),
      field('target', $.target),
      optional(field('note', $.string)),
    ),

    relation: _ => choice(...RELATIONS),

    // ----------------------------------------------------------- references

    // `kz.cc@2020-01-01 article 205 part 2`, `article 205..213`, `part 2`.
    target: $ => choice(
      seq($._act_ref, repeat($.segment), optional($.range_end)),
      seq(repeat1($.segment), optional($.range_end)),
    ),

    _act_ref: $ => seq(
      field('act', $.act_id),
      optional(seq('@', field('version', $.date))),
    ),

    // A segment without a number names the only unnumbered unit of its kind
    // (`note`); `indent 2` counts unnumbered indents.
    segment: $ => prec.right(seq(field('kind', $.unit_kind), optional(field('number', $._number)))),

    range_end: $ => seq('..', field('number', $._number)),

    // --------------------------------------------------------------- strings

    string: $ => seq(
      '"',
      repeat(choice($.string_content, $.escape_sequence, $.reference)),
      token.immediate('"'),
    ),

    string_content: _ => token.immediate(prec(1, /[^"\\\[\]\n]+/)),

    escape_sequence: _ => token.immediate(/\\["\\\[\]]/),

    // Inline reference: `[205-баптың 2-бөлігі](article 205 part 2)`.
    reference: $ => seq(
      token.immediate('['),
      field('display', optional($.reference_text)),
      token.immediate(']('),
      field('target', $.target),
      ')',
    ),

    reference_text: $ => repeat1(choice($.string_content, $.escape_sequence)),

    // ---------------------------------------------------------- amendments

    amendment: $ => seq(
      'amendment',
      field('id', $.act_id),
      field('body', $.amendment_body),
    ),

    amendment_body: $ => seq('{', repeat($._amendment_item), $._close),

    _amendment_item: $ => choice(
      $.amendment_target,
      $.status,
      $.author,
      $.in_force,
      $.title,
      $.justification,
      $._operation,
    ),

    // `version D`: a version of the act in the workspace; `as-of D`: the act
    // as its adopted amendments leave it on D (docs/engine.md).
    amendment_target: $ => seq(
      'target',
      field('act', $.act_id),
      optional(choice(
        seq('version', field('version', $.date)),
        seq('as-of', field('as_of', $.date)),
      )),
    ),
    status: $ => seq('status', field('value', $.status_value)),
    status_value: _ => choice('draft', 'proposed', 'adopted'),
    author: $ => seq('author', field('name', $.string)),
    justification: $ => seq('justification', $._localized),

    _operation: $ => choice(
      $.replace_words,
      $.delete_words,
      $.insert_words,
      $.replace_everywhere,
      $.rewrite_unit,
      $.add_unit,
      $.repeal_unit,
      $.renumber_unit,
    ),

    // Items allowed in every operation's block.
    _operation_note: $ => choice($.justification, $.comparison),

    replace_words: $ => seq(
      'replace',
      field('target', $.target),
      field('body', alias($._replace_body, $.operation_body)),
    ),

    replace_everywhere: $ => seq(
      'replace-all',
      field('body', alias($._replace_body, $.operation_body)),
    ),

    _replace_body: $ => seq('{', repeat(choice($.word_change, $._operation_note)), $._close),

    // `ru "шестнадцати" -> "четырнадцати" occurrence 2`
    word_change: $ => seq(
      optional(field('title', 'title')),
      field('lang', $.lang),
      field('old', $.string),
      '->',
      field('new', $.string),
      optional($.occurrence),
    ),

    delete_words: $ => seq(
      'delete',
      field('target', $.target),
      field('body', alias($._delete_body, $.operation_body)),
    ),

    _delete_body: $ => seq('{', repeat(choice($.word_deletion, $._operation_note)), $._close),

    word_deletion: $ => seq(
      optional(field('title', 'title')),
      field('lang', $.lang),
      field('old', $.string),
      optional($.occurrence),
    ),

    insert_words: $ => seq(
      'insert',
      field('target', $.target),
      field('body', alias($._insert_body, $.operation_body)),
    ),

    _insert_body: $ => seq('{', repeat(choice($.word_insertion, $._operation_note)), $._close),

    // `kk "жаңа сөздер" after "зардаптар" occurrence 1`, `ru "…" at end`
    word_insertion: $ => seq(
      optional(field('title', 'title')),
      field('lang', $.lang),
      field('new', $.string),
      field('position', $.position),
    ),

    position: $ => choice(
      seq(field('side', choice('before', 'after')), field('anchor', $.string), optional($.occurrence)),
      seq('at', field('edge', choice('start', 'end'))),
    ),

    occurrence: $ => seq('occurrence', field('which', choice($.integer, 'all'))),

    rewrite_unit: $ => seq(
      'rewrite',
      field('target', $.target),
      field('body', $.unit_body_with_notes),
    ),

    // `add part 3 to article 15 {…}`, `add article 213-1 after article 213 {…}`
    add_unit: $ => seq(
      'add',
      field('kind', $.unit_kind),
      optional(field('number', $._number)),
      field('place', choice('to', 'after', 'before')),
      field('target', $.target),
      field('body', $.unit_body_with_notes),
    ),

    unit_body_with_notes: $ => seq(
      '{',
      repeat(choice($._unit_item, $.justification)),
      $._close,
    ),

    repeal_unit: $ => seq(
      'repeal',
      field('target', $.target),
      optional(field('body', alias($._notes_body, $.operation_body))),
    ),

    renumber_unit: $ => seq(
      'renumber',
      field('target', $.target),
      'to',
      field('number', $._number),
      optional(field('update', $.update_references)),
      optional(field('body', alias($._notes_body, $.operation_body))),
    ),

    update_references: _ => 'update-references',

    _notes_body: $ => seq('{', repeat($._operation_note), $._close),

    // --------------------------------------------------------------- bills

    // A law that enacts amendments of several acts (docs/engine.md): what
    // belongs to the law, not to one act's changes.
    bill: $ => seq(
      'bill',
      field('id', $.act_id),
      field('body', $.bill_body),
    ),

    bill_body: $ => seq('{', repeat(choice($.title, $.in_force, $.amends)), $._close),

    amends: $ => seq('amends', repeat1($.act_id)),

    // ------------------------------------------------------------- tokens

    act_id: _ => /[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+/,
    identifier: _ => /[a-z][a-z0-9_-]*/,
    // Validated against ISO 639-1 by the model, so a typo gets a precise message.
    lang: $ => alias($.identifier, 'lang_code'),
    date: _ => /\d{4}-\d{2}-\d{2}/,
    integer: _ => /\d+/,
  },
});
