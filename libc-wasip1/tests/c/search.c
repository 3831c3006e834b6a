/* search.h: tsearch/tfind/tdelete/twalk shapes, lsearch/lfind, insque/remque, hsearch. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <search.h>

static int cmp(const void *a, const void *b) { return strcmp(a, b); }
static int icmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static void visit(const void *n, VISIT v, int depth) { printf(" %s/%d/%d", *(char *const *)n, (int)v, depth); }
static void ivisit(const void *n, VISIT v, int depth) { if (v == postorder || v == leaf) printf(" %d@%d", **(int *const *)n, depth); }

int main(void) {
    void *root = NULL;
    const char *words[] = {"pear", "apple", "fig", "apple", "kiwi", "banana", "cherry", "date", "grape", "lemon"};
    for (int i = 0; i < 10; i++) {
        void *r = tsearch(words[i], &root, cmp);
        printf("tsearch %s -> %s\n", words[i], *(char **)r);
    }
    printf("twalk:"); twalk(root, visit); printf("\n");
    printf("tfind fig %d plum %d\n", tfind("fig", &root, cmp) != NULL, tfind("plum", &root, cmp) != NULL);
    printf("tdelete fig %d plum %d\n", tdelete("fig", &root, cmp) != NULL, tdelete("plum", &root, cmp) != NULL);
    printf("twalk:"); twalk(root, visit); printf("\n");
    static int nums[200];
    void *iroot = NULL;
    for (int i = 0; i < 200; i++) { nums[i] = (i * 7919) % 200; tsearch(&nums[i], &iroot, icmp); }
    for (int i = 0; i < 200; i += 3) tdelete(&nums[i], &iroot, icmp);
    printf("ints:"); twalk(iroot, ivisit); printf("\n");
    int arr[10] = {5, 3, 8}; size_t n = 3; int k = 4, k2 = 8;
    int *p = lfind(&k, arr, &n, sizeof(int), icmp); printf("lfind 4 %d\n", p != NULL);
    p = lsearch(&k, arr, &n, sizeof(int), icmp); printf("lsearch 4 -> idx %td n %zu\n", p - arr, n);
    p = lsearch(&k2, arr, &n, sizeof(int), icmp); printf("lsearch 8 -> idx %td n %zu\n", p - arr, n);
    struct q { struct q *next, *prev; int v; } a = {0, 0, 1}, b = {0, 0, 2}, c = {0, 0, 3};
    insque(&a, NULL); insque(&b, &a); insque(&c, &a);
    for (struct q *e = &a; e; e = e->next) printf("q %d", e->v);
    remque(&c); printf(" | after remque:"); for (struct q *e = &a; e; e = e->next) printf(" %d", e->v); printf("\n");
    hcreate(4);
    char keys[40][8];
    for (int i = 0; i < 40; i++) { snprintf(keys[i], 8, "k%d", i); ENTRY e = {keys[i], (void *)(long)(i * i)}; hsearch(e, ENTER); }
    int found = 0; long sum = 0;
    for (int i = 0; i < 40; i++) { ENTRY e = {keys[i], 0}; ENTRY *r = hsearch(e, FIND); if (r) { found++; sum += (long)r->data; } }
    ENTRY miss = {"nope", 0};
    printf("hsearch found %d sum %ld miss %d\n", found, sum, hsearch(miss, FIND) != NULL);
    ENTRY dup = {"k3", (void *)99L}; ENTRY *r = hsearch(dup, ENTER); printf("dup keeps %ld\n", (long)r->data);
    hdestroy();
    return 0;
}
