// A full file system without a mount: this shared library interposes the write calls of libc (write, pwrite,
// writev, pwritev, fallocate and their 64-bit names) and lets only a given number of bytes through to files under
// one folder, then fails them with ENOSPC, as a full disk does (a write larger than the space left is cut short
// first). statvfs/statfs of that folder report the same free space. Everything else passes through untouched.
//
// Used two ways, both without mount rights (CI may have none):
// - preloaded into another program: LD_PRELOAD=libhqa_enospc.so HQA_ENOSPC_DIR=/folder [HQA_ENOSPC_FREE=bytes];
// - linked into a test, which calls hqaEnospcFill()/hqaEnospcClear() (EnospcShim.h) around the writes it tests.
// It reaches the writes that SQLite (pwrite64), QFile/QSaveFile (write) and std::ofstream (write/writev) make
// through the dynamic linker; calls made inside libc itself (stdio's fwrite) are not interposed.

#include "EnospcShim.h"

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {

std::mutex g_configMutex;
char g_dir[PATH_MAX] = {}; // canonical folder, no trailing slash
std::atomic<bool> g_active{false};
std::atomic<long long> g_free{0}; // bytes that may still be written under g_dir
std::atomic<long long> g_refused{0}; // write calls failed with ENOSPC or cut short

template<typename F> F real(const char* name) { return reinterpret_cast<F>(dlsym(RTLD_NEXT, name)); }

bool pathUnderDir(const char* path)
{
    const size_t n = std::strlen(g_dir);
    return n > 0 && std::strncmp(path, g_dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

bool fdUnderDir(int fd)
{
    if (!g_active.load())
        return false;
    char link[64], target[PATH_MAX];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0)
        return false;
    target[n] = '\0';
    std::lock_guard<std::mutex> lock(g_configMutex);
    return pathUnderDir(target);
}

/// How many of `wanted` bytes may be written now; -1 with errno = ENOSPC when none.
ssize_t allowance(int fd, size_t wanted)
{
    if (wanted == 0 || !fdUnderDir(fd))
        return static_cast<ssize_t>(wanted);
    long long left = g_free.load();
    for (;;) {
        if (left <= 0) {
            g_refused.fetch_add(1);
            errno = ENOSPC;
            return -1;
        }
        const long long take = std::min<long long>(left, static_cast<long long>(wanted));
        if (g_free.compare_exchange_weak(left, left - take)) {
            if (take < static_cast<long long>(wanted))
                g_refused.fetch_add(1);
            return static_cast<ssize_t>(take);
        }
    }
}

size_t iovBytes(const iovec* iov, int count)
{
    size_t n = 0;
    for (int i = 0; i < count; ++i)
        n += iov[i].iov_len;
    return n;
}

void configureFromEnvironment()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const char* dir = std::getenv("HQA_ENOSPC_DIR");
        if (dir && *dir) {
            const char* free = std::getenv("HQA_ENOSPC_FREE");
            hqaEnospcFill(dir, free ? std::atoll(free) : 0);
        }
    });
}

__attribute__((constructor)) void init() { configureFromEnvironment(); }

/// Vectored writes are cut to whole leading buffers plus part of one, like a short write.
template<typename F, typename... Offset> ssize_t vectored(F fn, int fd, const iovec* iov, int count, Offset... offset)
{
    const size_t wanted = iovBytes(iov, count);
    const ssize_t allowed = allowance(fd, wanted);
    if (allowed < 0 || static_cast<size_t>(allowed) == wanted)
        return allowed < 0 ? -1 : fn(fd, iov, count, offset...);
    iovec cut[64];
    int n = 0;
    size_t left = static_cast<size_t>(allowed);
    for (int i = 0; i < count && left > 0 && n < 64; ++i, ++n) {
        cut[n] = iov[i];
        cut[n].iov_len = std::min(left, iov[i].iov_len);
        left -= cut[n].iov_len;
    }
    return fn(fd, cut, n, offset...);
}

void reportFree(const char* path, unsigned long blockSize, auto& blocksFree, auto& blocksAvailable)
{
    if (!g_active.load() || !path)
        return;
    char canonical[PATH_MAX];
    if (!realpath(path, canonical))
        return;
    std::lock_guard<std::mutex> lock(g_configMutex);
    if (!pathUnderDir(canonical))
        return;
    const unsigned long long blocks = static_cast<unsigned long long>(std::max(0LL, g_free.load()))
        / std::max(1UL, blockSize);
    blocksFree = blocksAvailable = blocks;
}

} // namespace

extern "C" {

void hqaEnospcFill(const char* dir, long long freeBytes)
{
    char canonical[PATH_MAX];
    if (!realpath(dir, canonical))
        std::snprintf(canonical, sizeof canonical, "%s", dir);
    size_t n = std::strlen(canonical);
    while (n > 1 && canonical[n - 1] == '/')
        canonical[--n] = '\0';
    {
        std::lock_guard<std::mutex> lock(g_configMutex);
        std::memcpy(g_dir, canonical, n + 1);
    }
    g_free.store(freeBytes);
    g_refused.store(0);
    g_active.store(true);
}

void hqaEnospcClear()
{
    g_active.store(false);
    std::lock_guard<std::mutex> lock(g_configMutex);
    g_dir[0] = '\0';
}

long long hqaEnospcRefused() { return g_refused.load(); }

ssize_t write(int fd, const void* buf, size_t count)
{
    static const auto fn = real<ssize_t (*)(int, const void*, size_t)>("write");
    const ssize_t allowed = allowance(fd, count);
    return allowed < 0 ? -1 : fn(fd, buf, static_cast<size_t>(allowed));
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset)
{
    static const auto fn = real<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
    const ssize_t allowed = allowance(fd, count);
    return allowed < 0 ? -1 : fn(fd, buf, static_cast<size_t>(allowed), offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset)
{
    static const auto fn = real<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
    const ssize_t allowed = allowance(fd, count);
    return allowed < 0 ? -1 : fn(fd, buf, static_cast<size_t>(allowed), offset);
}

ssize_t writev(int fd, const iovec* iov, int count)
{
    static const auto fn = real<ssize_t (*)(int, const iovec*, int)>("writev");
    return vectored(fn, fd, iov, count);
}

ssize_t pwritev(int fd, const iovec* iov, int count, off_t offset)
{
    static const auto fn = real<ssize_t (*)(int, const iovec*, int, off_t)>("pwritev");
    return vectored(fn, fd, iov, count, offset);
}

ssize_t pwritev64(int fd, const iovec* iov, int count, off64_t offset)
{
    static const auto fn = real<ssize_t (*)(int, const iovec*, int, off64_t)>("pwritev64");
    return vectored(fn, fd, iov, count, offset);
}

int fallocate(int fd, int mode, off_t offset, off_t len)
{
    static const auto fn = real<int (*)(int, int, off_t, off_t)>("fallocate");
    if (len > 0 && fdUnderDir(fd) && g_free.load() < len) {
        g_refused.fetch_add(1);
        errno = ENOSPC;
        return -1;
    }
    return fn(fd, mode, offset, len);
}

int fallocate64(int fd, int mode, off64_t offset, off64_t len)
{
    static const auto fn = real<int (*)(int, int, off64_t, off64_t)>("fallocate64");
    if (len > 0 && fdUnderDir(fd) && g_free.load() < len) {
        g_refused.fetch_add(1);
        errno = ENOSPC;
        return -1;
    }
    return fn(fd, mode, offset, len);
}

int posix_fallocate(int fd, off_t offset, off_t len)
{
    static const auto fn = real<int (*)(int, off_t, off_t)>("posix_fallocate");
    if (len > 0 && fdUnderDir(fd) && g_free.load() < len) {
        g_refused.fetch_add(1);
        return ENOSPC;
    }
    return fn(fd, offset, len);
}

int posix_fallocate64(int fd, off64_t offset, off64_t len)
{
    static const auto fn = real<int (*)(int, off64_t, off64_t)>("posix_fallocate64");
    if (len > 0 && fdUnderDir(fd) && g_free.load() < len) {
        g_refused.fetch_add(1);
        return ENOSPC;
    }
    return fn(fd, offset, len);
}

int statvfs(const char* path, struct statvfs* buf)
{
    static const auto fn = real<int (*)(const char*, struct statvfs*)>("statvfs");
    const int r = fn(path, buf);
    if (r == 0)
        reportFree(path, buf->f_frsize ? buf->f_frsize : buf->f_bsize, buf->f_bfree, buf->f_bavail);
    return r;
}

int statvfs64(const char* path, struct statvfs64* buf)
{
    static const auto fn = real<int (*)(const char*, struct statvfs64*)>("statvfs64");
    const int r = fn(path, buf);
    if (r == 0)
        reportFree(path, buf->f_frsize ? buf->f_frsize : buf->f_bsize, buf->f_bfree, buf->f_bavail);
    return r;
}

int statfs(const char* path, struct statfs* buf)
{
    static const auto fn = real<int (*)(const char*, struct statfs*)>("statfs");
    const int r = fn(path, buf);
    if (r == 0)
        reportFree(path, buf->f_frsize ? buf->f_frsize : buf->f_bsize, buf->f_bfree, buf->f_bavail);
    return r;
}

int statfs64(const char* path, struct statfs64* buf)
{
    static const auto fn = real<int (*)(const char*, struct statfs64*)>("statfs64");
    const int r = fn(path, buf);
    if (r == 0)
        reportFree(path, buf->f_frsize ? buf->f_frsize : buf->f_bsize, buf->f_bfree, buf->f_bavail);
    return r;
}

} // extern "C"
