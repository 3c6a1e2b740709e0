/* dict.h: the hash table under dict (and usable by other kinds). */
#ifndef LOOPBOOK_DICT_H
#define LOOPBOOK_DICT_H

#include "vm.h"

/* Find key (with its hash): *entry_index is its entry or -1; *slot is where
 * it sits or would go in the index. False when __eq__ raised. */
bool dict_table_find(VM *vm, DictTable *t, Value key, uint64_t hash, int32_t *entry_index,
                     uint32_t *slot);
/* Append a key known to be absent. Never collects. */
void dict_table_insert_new(VM *vm, DictTable *t, Value key, uint64_t hash, Value value);
/* Insert or overwrite. */
bool dict_table_set(VM *vm, DictTable *t, Value key, uint64_t hash, Value value);
/* Delete entry ix (found by dict_table_find). */
void dict_table_remove_entry(DictTable *t, int32_t ix);
/* Remove every entry. */
void dict_table_clear(VM *vm, DictTable *t);
/* Entry index of a str key, or -1 (never runs Python code). */
int32_t dict_find_str(ObjDict *d, ObjStr *key);

/* ---- dict objects beyond object.h (dict.c) ---- */
/* Next live entry in insertion order: start with *pos = 0; false when done. */
bool dict_next(ObjDict *d, uint32_t *pos, Value *key, Value *value);
/* A new (exact) dict with the same items. */
ObjDict *dict_copy(VM *vm, ObjDict *d);
/* Store every item of src into dst (override false: keep dst's existing keys). */
bool dict_merge(VM *vm, ObjDict *dst, ObjDict *src, bool override);
/* dict.update(arg): a dict, a mapping with keys(), or an iterable of pairs. */
bool dict_update_from(VM *vm, ObjDict *d, Value arg);
/* d[key] with KeyError(key), calling __missing__ for subclasses that define it. */
bool dict_getitem(VM *vm, ObjDict *d, Value key, Value *out);
/* Remove key and give its value; *found false when absent (nothing raised). */
bool dict_pop(VM *vm, ObjDict *d, Value key, Value *out, bool *found);

#endif
