/* getopt and getopt_long: bundles, arguments, errors, permutation. */
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
#include <getopt.h>

static void run(int argc, char **argv, const char *os) {
    int c;
    optind = 0;
    printf("getopt(\"%s\"):", os);
    while ((c = getopt(argc, argv, os)) != -1)
        printf(" [%c %s optopt=%c]", c, optarg ? optarg : "-", optopt ? optopt : '0');
    printf(" optind=%d rest:", optind);
    for (int i = optind; i < argc; i++) printf(" %s", argv[i]);
    printf("\n");
    fflush(stdout);
}

int main(void) {
    char *a1[] = {"prog", "-a", "-b", "val", "-cX", "-c", "file", "-z", "--", "-a", 0};
    run(10, a1, "ab:c::");
    char *a2[] = {"prog", "-abval", "-ac", 0};
    run(3, a2, "ab:c");
    char *a3[] = {"prog", "-x", 0};
    run(2, a3, ":x:");
    run(2, a3, "x:");
    char *a4[] = {"prog", "one", "-a", 0};
    run(3, a4, "a");
    run(3, a4, "-a");
    char *a5[] = {"prog", "-", "-a", 0};
    run(3, a5, "a");
    opterr = 0;
    char *a6[] = {"prog", "-q", "-:", 0};
    run(3, a6, "a");
    opterr = 1;
    static int flag = 0;
    struct option lo[] = {
        {"verbose", no_argument, &flag, 7},
        {"name", required_argument, 0, 'n'},
        {"opt", optional_argument, 0, 'o'},
        {"nano", no_argument, 0, 'N'},
        {0, 0, 0, 0}};
    char *b[] = {"prog", "file1", "--verbose", "--name=bob", "file2", "--opt", "--opt=5", "--nam", "x", "-v",
                 "--bogus", "--verbose=1", "--na", "--", "tail", "--name", 0};
    int argc = 16, c, idx;
    optind = 0;
    while ((c = getopt_long(argc, b, "vn:", lo, &idx)) != -1)
        printf("long [%d %s idx=%d flag=%d optopt=%d]\n", c, optarg ? optarg : "-", idx, flag, optopt);
    printf("optind=%d argv:", optind);
    for (int i = 0; i < argc; i++) printf(" %s", b[i]);
    printf("\n");
    char *d[] = {"prog", "-name", "z", "-v", "-nano", 0};
    optind = 0;
    while ((c = getopt_long_only(5, d, "vn:", lo, &idx)) != -1) printf("only [%d %s]\n", c, optarg ? optarg : "-");
    char *e[] = {"prog", "--name", 0};
    optind = 0;
    c = getopt_long(2, e, ":n:", lo, &idx);
    printf("missing long [%c %d]\n", c, optind);
    return 0;
}
