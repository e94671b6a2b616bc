// The external scanner of zan: one zero-width token, `unclosed`, for error
// recovery. Where a block's `}` may come and the next line starts with the
// top-level keyword `act`, `amendment` or `bill` in its first column, the block is
// closed there (and the tree holds an `unclosed` node, reported as an error),
// so one stray `{` does not swallow the acts and amendments after it.

#include "tree_sitter/parser.h"

#include <stdbool.h>

enum TokenType { UNCLOSED, RECOVERING };

void *tree_sitter_zan_external_scanner_create(void) { return NULL; }

void tree_sitter_zan_external_scanner_destroy(void *payload) { (void)payload; }

unsigned tree_sitter_zan_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}

void tree_sitter_zan_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

// Consumes `word` if it comes next; whether it did.
static bool consume(TSLexer *lexer, const char *word) {
  for (const char *c = word; *c; c++) {
    if (lexer->lookahead != (int32_t)*c) return false;
    lexer->advance(lexer, false);
  }
  return true;
}

bool tree_sitter_zan_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  (void)payload;
  // During error recovery every symbol is valid; the parser recovers by
  // itself there, and this token would only confuse it.
  if (valid_symbols[RECOVERING] || !valid_symbols[UNCLOSED]) return false;
  bool new_line = lexer->get_column(lexer) == 0;
  while (lexer->lookahead == ' ' || lexer->lookahead == '\t' || lexer->lookahead == '\r' ||
         lexer->lookahead == '\n') {
    if (lexer->lookahead == '\n') new_line = true;
    lexer->advance(lexer, true);
  }
  if (!new_line || lexer->get_column(lexer) != 0) return false;
  lexer->mark_end(lexer);
  lexer->result_symbol = UNCLOSED;
  bool keyword = false;
  if (lexer->lookahead == 'a') {
    lexer->advance(lexer, false);
    if (consume(lexer, "ct")) {
      keyword = true;
    } else if (consume(lexer, "mendment")) {
      keyword = true;
    }
  } else if (lexer->lookahead == 'b') {
    lexer->advance(lexer, false);
    keyword = consume(lexer, "ill");
  }
  // `act` itself, not `actor`: a space or a tab after the keyword.
  return keyword && (lexer->lookahead == ' ' || lexer->lookahead == '\t');
}
