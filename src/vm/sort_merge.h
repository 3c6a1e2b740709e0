/* sort_merge.h: a stable merge sort over an array of (key, index) items,
 * instantiated by sort.c once per kind of key. The includer defines
 *   SORT_NAME         the suffix of the functions made here
 *   SORT_KEY          the key's C type
 *   SORT_KEY_OF(v)    the key of Value v
 *   SORT_LESS(c,x,y)  x < y for two keys (may set c->failed)
 * Keys sit next to their indices, so comparisons read memory in order
 * instead of chasing indices into the key list. */
#define SORT_CAT2(a, b) a##b
#define SORT_CAT(a, b) SORT_CAT2(a, b)
#define SORT_ITEM SORT_CAT(SortItem_, SORT_NAME)
#define SORT_MERGE SORT_CAT(merge_sort_, SORT_NAME)
#define SORT_RUN SORT_CAT(sort_by_, SORT_NAME)

typedef struct {
    SORT_KEY key;
    uint32_t index;
} SORT_ITEM;

static void SORT_MERGE(SortCtx *ctx, SORT_ITEM *a, SORT_ITEM *tmp, uint32_t n)
{
    if (ctx->failed) return;
    if (n <= 8) {
        /* Insertion sort: stable, and few comparisons on short runs. */
        for (uint32_t i = 1; i < n && !ctx->failed; i++) {
            SORT_ITEM v = a[i];
            uint32_t j = i;
            while (j > 0 && SORT_LESS(ctx, v.key, a[j - 1].key)) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = v;
        }
        return;
    }
    uint32_t h = n / 2;
    SORT_MERGE(ctx, a, tmp, h);
    SORT_MERGE(ctx, a + h, tmp, n - h);
    if (ctx->failed) return;
    /* Already in order (right's first is not below left's last): nothing to merge. */
    if (!SORT_LESS(ctx, a[h].key, a[h - 1].key)) return;
    memcpy(tmp, a, h * sizeof *a);
    uint32_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        if (SORT_LESS(ctx, a[j].key, tmp[i].key))
            a[k++] = a[j++];
        else
            a[k++] = tmp[i++];
        if (ctx->failed) break; /* the rest of the left run goes back below */
    }
    while (i < h) a[k++] = tmp[i++];
}

/* Sort values[0..n) by keys[0..n); false (values untouched) when a
 * comparison raised. */
static bool SORT_RUN(SortCtx *ctx, const Value *keys, Value *values, uint32_t n)
{
    SORT_ITEM *items = checked_array(n, sizeof *items);
    SORT_ITEM *tmp = checked_array(n / 2 + 1, sizeof *tmp);
    for (uint32_t i = 0; i < n; i++) items[i] = (SORT_ITEM){SORT_KEY_OF(keys[i]), i};
    SORT_MERGE(ctx, items, tmp, n);
    bool ok = !ctx->failed;
    if (ok) {
        Value *sorted = checked_array(n, sizeof *sorted);
        for (uint32_t i = 0; i < n; i++) sorted[i] = values[items[i].index];
        memcpy(values, sorted, n * sizeof(Value));
        free(sorted);
    }
    free(items);
    free(tmp);
    return ok;
}

#undef SORT_ITEM
#undef SORT_MERGE
#undef SORT_RUN
#undef SORT_CAT
#undef SORT_CAT2
#undef SORT_NAME
#undef SORT_KEY
#undef SORT_KEY_OF
#undef SORT_LESS
