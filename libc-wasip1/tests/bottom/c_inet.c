/* inet_* text conversions over many valid and invalid inputs. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>

/* Not declared by Debian's 2022 wasi-libc headers. */
in_addr_t inet_addr(const char *); in_addr_t inet_network(const char *); char *inet_ntoa(struct in_addr);
struct in_addr inet_makeaddr(in_addr_t, in_addr_t); in_addr_t inet_lnaof(struct in_addr); in_addr_t inet_netof(struct in_addr);
static const char *v4[] = {"1.2.3.4", "0x7f.1", "127.1", "10", "0377.0.0.1", "1.2.3.4.5", "256.1.1.1", "1.2.3", "", ".1", "1..2",
  "01.2.3.4", "1.2.3.04", "255.255.255.255", "4294967295", "4294967296", "0x", "1.2.3.4 ", "00", "1.0x", 0};
static const char *v6[] = {"::", "::1", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::ffff:1.2.3.4", "::1.2.3.4", "1:2:3:4:5:6:1.2.3.4",
  "1::2::3", ":1::2", "1:2:3:4:5:6:7:8:9", "12345::", "fe80::1%eth0", "FE80::ABCD", "1:0:0:2:0:0:0:3", "0:0:1:0:0:0:0:0", "1:2:3:4:5:6:7", "::ffff:300.1.1.1",
  "1:2:3:4:5::1.2.3.4", "1::1.2.3.4", "0:0:0:0:0:0:0:0", "a:b::c:d", "::a:b:c:d:e:f:1", 0};

int main(void) {
  struct in_addr a;
  for (int i = 0; v4[i]; i++) {
    int r = inet_aton(v4[i], &a);
    unsigned char b[4] = {0};
    int p = inet_pton(AF_INET, v4[i], b);
    printf("[%s] aton=%d %s addr=%08x network=%08x pton=%d %u.%u.%u.%u\n", v4[i], r, r ? inet_ntoa(a) : "-", inet_addr(v4[i]), inet_network(v4[i]), p, b[0], b[1], b[2], b[3]);
  }
  for (int i = 0; v6[i]; i++) {
    unsigned char b[16] = {0}; char out[64];
    int p = inet_pton(AF_INET6, v6[i], b);
    printf("[%s] pton=%d", v6[i], p);
    if (p == 1) { printf(" ntop=%s", inet_ntop(AF_INET6, b, out, sizeof out)); for (int k = 0; k < 16; k++) printf("%s%02x", k ? "" : " ", b[k]); }
    printf("\n");
  }
  char small[8]; unsigned char lo[16] = {0}; lo[15] = 1;
  errno = 0; printf("ntop small=%p errno=%d\n", (void*)inet_ntop(AF_INET6, in6addr_any.s6_addr, small, 2), errno);
  printf("ntop loopback=%s\n", inet_ntop(AF_INET6, in6addr_loopback.s6_addr, small, sizeof small));
  errno = 0; printf("pton bad af=%d errno=%d\n", inet_pton(99, "1.2.3.4", lo), errno);
  errno = 0; printf("ntop bad af=%p errno=%d\n", (void*)inet_ntop(99, lo, small, sizeof small), errno);
  struct in_addr m = inet_makeaddr(10, 5); printf("makeaddr=%08x lnaof=%08x netof=%08x\n", m.s_addr, inet_lnaof(m), inet_netof(m));
  m = inet_makeaddr(300, 5); printf("makeaddr=%08x lnaof=%08x netof=%08x\n", m.s_addr, inet_lnaof(m), inet_netof(m));
  m = inet_makeaddr(70000, 5); printf("makeaddr=%08x lnaof=%08x netof=%08x\n", m.s_addr, inet_lnaof(m), inet_netof(m));
  return 0;
}
