// Interposes cmark-gfm's `cmark_manage_extensions_special_characters` (see the header).
#define _GNU_SOURCE
#include "CmarkSpecialCharacters.h"

#include <cmark-gfm-extension_api.h>

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

typedef void (*manage_function)(cmark_parser *parser, int add);

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_once_t resolve_once = PTHREAD_ONCE_INIT;
static manage_function stock_manage;
/// The parsers this thread's last add and last remove were for (for the self-check).
static _Thread_local cmark_parser *last_added, *last_removed;
/// The parser whose extensions are pinned; written once, under the lock held alone, before
/// `pinned` is set; read-only afterwards.
static cmark_parser *pinned_parser;
static atomic_int pinned;

static void resolve_stock_manage(void) {
    // The next definition after ours in the lookup order: libcmark-gfm's own.
    stock_manage = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
}

static size_t list_length(cmark_llist *list) {
    size_t count = 0;
    for (; list; list = list->next) count++;
    return count;
}

/// Whether `parser` has the pinned parser's extensions (the same extension objects, in any
/// order): then its inline special characters are the pinned ones.
static int has_pinned_extensions(cmark_parser *parser) {
    if (!atomic_load_explicit(&pinned, memory_order_acquire)) return 0;
    cmark_llist *mine = cmark_parser_get_syntax_extensions(parser);
    cmark_llist *theirs = cmark_parser_get_syntax_extensions(pinned_parser);
    if (list_length(mine) != list_length(theirs)) return 0;
    for (cmark_llist *a = mine; a; a = a->next) {
        int found = 0;
        for (cmark_llist *b = theirs; b && !found; b = b->next) found = a->data == b->data;
        if (!found) return 0;
    }
    return 1;
}

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    pthread_once(&resolve_once, resolve_stock_manage);
    if (add) last_added = parser;
    else last_removed = parser;
    if (has_pinned_extensions(parser)) {
        // The table already holds exactly this parser's characters.
        if (add) pthread_rwlock_rdlock(&table_lock);
        else pthread_rwlock_unlock(&table_lock);
        return;
    }
    // Any other set: alone, with the table as stock cmark-gfm leaves it between parses.
    // (`pinned` cannot change between this parse's add and remove: pinning needs the lock.)
    int restore = atomic_load_explicit(&pinned, memory_order_acquire);
    if (add) {
        pthread_rwlock_wrlock(&table_lock);
        if (stock_manage) {
            if (restore) stock_manage(pinned_parser, 0);
            stock_manage(parser, 1);
        }
    } else {
        if (stock_manage) {
            stock_manage(parser, 0);
            if (restore) stock_manage(pinned_parser, 1);
        }
        pthread_rwlock_unlock(&table_lock);
    }
}

void capex_cmark_special_characters_forget(void) { last_added = last_removed = NULL; }

int capex_cmark_special_characters_reached(cmark_parser *parser) {
    return parser && last_added == parser && last_removed == parser;
}

int capex_cmark_pin_special_characters(cmark_parser *parser) {
    pthread_once(&resolve_once, resolve_stock_manage);
    if (!stock_manage || !parser) return 0;
    pthread_rwlock_wrlock(&table_lock);
    int result;
    if (atomic_load(&pinned)) {
        result = pinned_parser == parser;
    } else {
        pinned_parser = parser;
        stock_manage(parser, 1);
        atomic_store_explicit(&pinned, 1, memory_order_release);
        result = 1;
    }
    pthread_rwlock_unlock(&table_lock);
    return result;
}

int capex_cmark_special_characters_pinned(void) { return atomic_load(&pinned); }
