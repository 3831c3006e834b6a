// fopen/fprintf/fread/fseek/rename/unlink/mkdir in the preopened directory.
// dir: input.txt=line one\nline two\n
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void) {
    char buf[256];
    FILE *in = fopen("/sandbox/input.txt", "r");
    if (!in) { perror("fopen input"); return 1; }
    while (fgets(buf, sizeof buf, in)) printf("read: %s", buf);
    fclose(in);

    FILE *out = fopen("/sandbox/out.txt", "w");
    if (!out) { perror("fopen out"); return 1; }
    for (int i = 0; i < 3; i++) fprintf(out, "row %d: %d\n", i, i * i);
    fclose(out);

    out = fopen("/sandbox/out.txt", "a");
    fputs("appended\n", out);
    fclose(out);

    in = fopen("/sandbox/out.txt", "rb");
    fseek(in, 0, SEEK_END);
    long len = ftell(in);
    rewind(in);
    size_t got = fread(buf, 1, sizeof buf - 1, in);
    buf[got] = 0;
    fclose(in);
    printf("out.txt is %ld bytes, fread %zu:\n%s", len, got, buf);

    if (mkdir("/sandbox/dir", 0755) != 0) { perror("mkdir"); return 1; }
    if (rename("/sandbox/out.txt", "/sandbox/dir/moved.txt") != 0) { perror("rename"); return 1; }
    FILE *tmp = fopen("/sandbox/tmp.txt", "w");
    fputs("temporary", tmp);
    fclose(tmp);
    if (unlink("/sandbox/tmp.txt") != 0) { perror("unlink"); return 1; }
    printf("tmp exists after unlink: %d\n", access("/sandbox/tmp.txt", F_OK) == 0);
    if (fopen("/sandbox/nope.txt", "r") == NULL) printf("fopen missing file fails as expected\n");
    return 0;
}
