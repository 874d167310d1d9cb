// SPDX-License-Identifier: Apache-2.0
/*
 * tun_relay: the C baseline of the relay benchmark (benchmarks/relay.sh).
 *
 * Opens two TUN devices (IFF_TUN | IFF_NO_PI, created by TUNSETIFF and removed when this process
 * exits) and copies every packet read from one to the other, one read() and one write() per
 * packet, one thread per direction with blocking descriptors: the plainest relay there is, and
 * the one the Java relay (io.github.wintun4j.benchmarks.relay) is measured against. The script
 * brings the devices up and routes through them, exactly as for the Java relay.
 *
 *   tun_relay [--vnet] NAME_A NAME_B
 *                                prints "ready" once both devices exist; runs until SIGTERM or
 *                                SIGINT, then prints the packets moved each way on stderr
 *
 * With --vnet, both devices are opened with IFF_VNET_HDR and take checksum, TCP and (where the
 * kernel has it, Linux 6.2+) UDP segmentation offload: every read is a virtio_net_hdr and a packet
 * of up to 64 KiB, written to the other device as it is, header included, never split. That is
 * the most a relay can get from offloads on this machine: the limit the Java relay with offloads
 * (which splits and merges again, so that its application sees MTU-sized packets) is given as a
 * fraction of.
 *
 * Build: gcc -O2 -pthread -o tun_relay tun_relay.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The largest IP packet: a read() into a buffer this big never truncates. */
#define MAX_PACKET 65535
/* sizeof(struct virtio_net_hdr), before each packet with --vnet. */
#define VNET_HDR 10

#ifndef TUN_F_USO4
#define TUN_F_USO4 0x20
#define TUN_F_USO6 0x40
#endif

struct direction {
    const char *name;
    int from;
    int to;
    atomic_ulong packets;
    atomic_ulong dropped; /* write() refused by the kernel (EIO while down, ENOBUFS, ...) */
};

/* Creates (or attaches to) the TUN device NAME; exits with a message on failure. */
static int open_tun(const char *name, int vnet)
{
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        perror("open /dev/net/tun");
        exit(1);
    }
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI | (vnet ? IFF_VNET_HDR : 0);
    if (strlen(name) >= IFNAMSIZ) {
        fprintf(stderr, "tun_relay: interface name too long: %s\n", name);
        exit(2);
    }
    strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
        fprintf(stderr, "tun_relay: TUNSETIFF %s: %s\n", name, strerror(errno));
        exit(1);
    }
    if (vnet) {
        unsigned int tcp = TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6;
        if (ioctl(fd, TUNSETOFFLOAD, tcp | TUN_F_USO4 | TUN_F_USO6) < 0 && ioctl(fd, TUNSETOFFLOAD, tcp) < 0) {
            fprintf(stderr, "tun_relay: TUNSETOFFLOAD %s: %s\n", name, strerror(errno));
            exit(1);
        }
    }
    return fd;
}

static void *forward(void *arg)
{
    struct direction *d = arg;
    static __thread unsigned char packet[VNET_HDR + MAX_PACKET];
    for (;;) {
        ssize_t n = read(d->from, packet, sizeof packet);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            fprintf(stderr, "tun_relay: read (%s): %s\n", d->name, strerror(errno));
            return NULL;
        }
        if (write(d->to, packet, (size_t) n) < 0) {
            atomic_fetch_add_explicit(&d->dropped, 1, memory_order_relaxed);
        } else {
            atomic_fetch_add_explicit(&d->packets, 1, memory_order_relaxed);
        }
    }
}

int main(int argc, char **argv)
{
    int vnet = argc == 4 && strcmp(argv[1], "--vnet") == 0;
    if (argc != 3 + vnet) {
        fprintf(stderr, "usage: tun_relay [--vnet] NAME_A NAME_B\n");
        return 2;
    }
    int a = open_tun(argv[1 + vnet], vnet);
    int b = open_tun(argv[2 + vnet], vnet);
    struct direction ab = {.name = "A->B", .from = a, .to = b};
    struct direction ba = {.name = "B->A", .from = b, .to = a};

    /* The forwarding threads must not take the signals: main waits for them below. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);

    pthread_t t1, t2;
    if (pthread_create(&t1, NULL, forward, &ab) != 0 || pthread_create(&t2, NULL, forward, &ba) != 0) {
        fprintf(stderr, "tun_relay: cannot start threads\n");
        return 1;
    }
    printf("ready\n");
    fflush(stdout);

    int signal;
    sigwait(&stop, &signal);
    fprintf(stderr, "tun_relay: A->B %lu packets (%lu dropped), B->A %lu packets (%lu dropped)\n",
            atomic_load(&ab.packets), atomic_load(&ab.dropped), atomic_load(&ba.packets), atomic_load(&ba.dropped));
    /* Exiting closes both descriptors, which removes the (non-persistent) devices. */
    return 0;
}
