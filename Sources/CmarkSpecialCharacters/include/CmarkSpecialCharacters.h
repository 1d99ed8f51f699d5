#ifndef CMARK_SPECIAL_CHARACTERS_H
#define CMARK_SPECIAL_CHARACTERS_H

#include <cmark-gfm.h>

/// Parses at once, without a lock, for parsers with one set of extensions.
///
/// cmark-gfm 0.29.0.gfm.6 keeps the inline parser's special characters in one table for the
/// whole process (`SPECIAL_CHARS`, `SKIP_CHARS` in its inlines.c). `cmark_parser_finish`
/// calls `cmark_manage_extensions_special_characters(parser, 1)` before parsing inlines and
/// `(parser, 0)` after, which store 1 and then 0 for the extensions' characters (`~` for
/// strikethrough, `:` and `w` for autolinks): a parse that ends while another is parsing
/// inlines takes those characters away from it (upstream: github/cmark-gfm#176, #221).
///
/// libcmark-gfm calls that function through its PLT, so on ELF platforms the definition in
/// this target, linked into the executable, is the one both calls reach. It keeps the table
/// "pinned" to one extension set: a parse with exactly that set changes nothing and holds a
/// shared lock from its add to its remove; a parse with any other set holds the lock alone
/// and sees the table exactly as stock cmark-gfm would give it (the pinned characters off,
/// its own on, then the reverse). Before `capex_cmark_pin_special_characters` succeeds,
/// every parse holds the lock alone, which is stock cmark-gfm under a lock.

/// Forgets which parser this thread's last calls of the hook were for.
void capex_cmark_special_characters_forget(void);

/// 1 if, on this thread, libcmark-gfm's last call of `cmark_manage_extensions_special_characters`
/// with `add` nonzero and its last call with `add` zero both reached the definition here for
/// `parser`; 0 if either went elsewhere: this build of the library does not call through its
/// PLT (linked statically, bound with -Bsymbolic, macOS's two-level names) and the hook has no
/// effect. Call `capex_cmark_special_characters_forget` before the parse.
int capex_cmark_special_characters_reached(cmark_parser *parser);

/// Pins the table to the extensions attached to `parser` (which must stay alive and
/// unchanged for the life of the process). Returns 1 when pinned (or already pinned to the
/// same set), 0 when cmark-gfm's own function cannot be found or another set is pinned.
int capex_cmark_pin_special_characters(cmark_parser *parser);

/// Whether the table is pinned (1) or every parse still takes the lock alone (0).
int capex_cmark_special_characters_pinned(void);

#endif
