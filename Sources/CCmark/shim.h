#ifndef AUTOGIT_CCMARK_SHIM_H
#define AUTOGIT_CCMARK_SHIM_H
#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

// A per-thread arena for cmark's nodes and buffers.
//
// cmark allocates every node, delimiter and buffer with malloc and frees them one by one; measured on
// real documentation trees, malloc and free were a fifth of a whole check-doc-refs run. A document is
// parsed, copied out and dropped in one function, so its memory can be dropped in one step instead:
// small blocks come from a bump allocator, large ones (over 256 KiB: file-sized buffers) from malloc so
// that growing them stays cheap, and `ccmark_arena_reset` releases everything after each document.
// Thread-local, so files parsed in parallel never share an arena.

#define CCMARK_ARENA_BLOCK (256 * 1024)
#define CCMARK_ARENA_LARGE (256 * 1024)
#define CCMARK_MAGIC_SMALL ((size_t)0x5A5A5A5A)
#define CCMARK_MAGIC_LARGE ((size_t)0xA5A5A5A5)

typedef struct ccmark_block {
    struct ccmark_block *next;
    size_t capacity;
    size_t used;
    size_t padding;
} ccmark_block;

typedef struct ccmark_large {
    struct ccmark_large *next;
    struct ccmark_large *prev;
    size_t size;
    size_t magic;
} ccmark_large;

typedef struct ccmark_small {
    size_t size;
    size_t magic;
} ccmark_small;

typedef struct ccmark_arena {
    ccmark_block *blocks;   // newest first; the oldest is kept across resets
    ccmark_large *large;
} ccmark_arena;

// A function-local static: Swift emits the inline functions it calls, and their locals with them,
// where a file-scope static in a header would never be defined.
static inline ccmark_arena *ccmark_arena_state(void) {
    static _Thread_local ccmark_arena arena;
    return &arena;
}

static inline void *ccmark_arena_alloc(size_t size) {
    if (size > CCMARK_ARENA_LARGE) {
        if (size > SIZE_MAX - sizeof(ccmark_large)) abort();
        ccmark_large *large = (ccmark_large *)malloc(sizeof(ccmark_large) + size);
        if (!large) abort();  // as cmark's own allocator does
        large->size = size;
        large->magic = CCMARK_MAGIC_LARGE;
        large->prev = NULL;
        large->next = ccmark_arena_state()->large;
        if (large->next) large->next->prev = large;
        ccmark_arena_state()->large = large;
        return large + 1;
    }
    size_t needed = (sizeof(ccmark_small) + size + 15) & ~(size_t)15;
    ccmark_block *block = ccmark_arena_state()->blocks;
    if (!block || block->capacity - block->used < needed) {
        size_t capacity = needed > CCMARK_ARENA_BLOCK ? needed : CCMARK_ARENA_BLOCK;
        block = (ccmark_block *)malloc(sizeof(ccmark_block) + capacity);
        if (!block) abort();
        block->capacity = capacity;
        block->used = 0;
        block->next = ccmark_arena_state()->blocks;
        ccmark_arena_state()->blocks = block;
    }
    ccmark_small *header = (ccmark_small *)((char *)(block + 1) + block->used);
    block->used += needed;
    header->size = size;
    header->magic = CCMARK_MAGIC_SMALL;
    return header + 1;
}

static inline void *ccmark_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) abort();
    void *p = ccmark_arena_alloc(count * size);
    memset(p, 0, count * size);
    return p;
}

static inline void ccmark_arena_unlink(ccmark_large *large) {
    if (large->prev) large->prev->next = large->next; else ccmark_arena_state()->large = large->next;
    if (large->next) large->next->prev = large->prev;
}

static inline void *ccmark_arena_realloc(void *pointer, size_t size) {
    if (!pointer) return ccmark_arena_alloc(size);
    size_t magic = ((size_t *)pointer)[-1];
    if (magic == CCMARK_MAGIC_LARGE) {
        ccmark_large *large = (ccmark_large *)pointer - 1;
        ccmark_arena_unlink(large);
        if (size > SIZE_MAX - sizeof(ccmark_large)) abort();
        ccmark_large *grown = (ccmark_large *)realloc(large, sizeof(ccmark_large) + size);
        if (!grown) abort();
        grown->size = size;
        grown->prev = NULL;
        grown->next = ccmark_arena_state()->large;
        if (grown->next) grown->next->prev = grown;
        ccmark_arena_state()->large = grown;
        return grown + 1;
    }
    ccmark_small *header = (ccmark_small *)pointer - 1;
    if (size <= header->size) return pointer;
    void *moved = ccmark_arena_alloc(size);
    memcpy(moved, pointer, header->size);
    return moved;
}

static inline void ccmark_arena_free(void *pointer) {
    if (!pointer) return;
    if (((size_t *)pointer)[-1] == CCMARK_MAGIC_LARGE) {
        ccmark_large *large = (ccmark_large *)pointer - 1;
        ccmark_arena_unlink(large);
        free(large);
    }
    // Small blocks are released all at once by ccmark_arena_reset.
}

/// Releases everything the current thread's arena holds, keeping one block for the next document.
static inline void ccmark_arena_reset(void) {
    ccmark_large *large = ccmark_arena_state()->large;
    while (large) {
        ccmark_large *next = large->next;
        free(large);
        large = next;
    }
    ccmark_arena_state()->large = NULL;
    ccmark_block *block = ccmark_arena_state()->blocks;
    ccmark_block *keep = NULL;
    while (block) {
        ccmark_block *next = block->next;
        if (!next) { keep = block; break; }
        free(block);
        block = next;
    }
    if (keep) keep->used = 0;
    ccmark_arena_state()->blocks = keep;
}

static inline cmark_mem *ccmark_arena_allocator(void) {
    static cmark_mem allocator = { ccmark_arena_calloc, ccmark_arena_realloc, ccmark_arena_free };
    return &allocator;
}
#endif
