// The staging folders of io/atomic: a registry the SIGINT/SIGTERM handler
// can walk (fixed slots, no allocation), removal that is async-signal-safe
// (getdents64 + unlinkat, no opendir/malloc), and the sweep of folders
// that killed runs left behind.
#include "io/staging.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>

namespace bm::staging {
namespace {

constexpr int kSlots = 256;
constexpr std::size_t kPathMax = 4096;

struct Slot {
  std::atomic<bool> used{false};
  char path[kPathMax];
};

Slot g_slots[kSlots];
std::mutex g_mutex;  // registration only; the handler reads `used`

// Empties and removes a staging folder using system calls only. Staging
// folders hold files only (a GPKG's journal at most), never subfolders.
void remove_flat_folder(const char* dir) {
  int fd = ::open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    alignas(8) char buf[4096];
    for (;;) {
      long n = ::syscall(SYS_getdents64, fd, buf, sizeof buf);
      if (n <= 0) break;
      for (long off = 0; off < n;) {
        auto* d = reinterpret_cast<struct dirent64*>(buf + off);  // getdents64 layout
        off += d->d_reclen;
        if (std::strcmp(d->d_name, ".") == 0 || std::strcmp(d->d_name, "..") == 0) continue;
        ::unlinkat(fd, d->d_name, 0);
      }
    }
    ::close(fd);
  }
  ::rmdir(dir);
}

void remove_all_registered() {
  // Twice: a staging folder may hold a newer one (the page's map is drawn
  // into the page's staging), which the first pass may reach only after it
  // has failed to remove the outer one.
  for (int pass = 0; pass < 2; ++pass)
    for (auto& s : g_slots)
      if (s.used.load()) remove_flat_folder(s.path);
}

extern "C" void on_signal(int sig) {
  remove_all_registered();
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void install_handlers_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old {};
      ::sigaction(sig, nullptr, &old);
      if (old.sa_handler == SIG_IGN) continue;  // e.g. nohup: keep ignoring
      struct sigaction sa {};
      sa.sa_handler = on_signal;
      sigemptyset(&sa.sa_mask);
      ::sigaction(sig, &sa, nullptr);
    }
    std::atexit(remove_all_registered);
  });
}

// "<prefix><pid>-..." → pid, or 0.
long pid_after(const std::string& name, const std::string& prefix) {
  if (name.rfind(prefix, 0) != 0) return 0;
  std::size_t i = prefix.size(), j = i;
  while (j < name.size() && std::isdigit(static_cast<unsigned char>(name[j]))) ++j;
  if (j == i || j >= name.size() || name[j] != '-' || j - i > 9) return 0;
  return std::stol(name.substr(i, j - i));
}

bool process_gone(long pid) {
  return pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

void add(const std::string& dir) {
  install_handlers_once();
  std::lock_guard lock(g_mutex);
  for (auto& s : g_slots)
    if (!s.used.load()) {
      std::strncpy(s.path, dir.c_str(), kPathMax - 1);
      s.path[kPathMax - 1] = '\0';
      s.used.store(true);
      return;
    }
  // More than kSlots outputs open at once: still removed on failure and by
  // the next run's sweep, only not on a signal.
}

void remove(const std::string& dir) {
  // Removed before it leaves the registry: a signal in between finds it
  // still listed (removing it twice is harmless, never removing it is not).
  remove_flat_folder(dir.c_str());
  std::lock_guard lock(g_mutex);
  for (auto& s : g_slots)
    if (s.used.load() && dir == s.path) s.used.store(false);
}

void sweep(const std::string& dir) {
  static std::mutex mutex;
  static std::set<std::string> swept;
  {
    std::lock_guard lock(mutex);
    if (!swept.insert(dir).second) return;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    long pid = pid_after(name, kPrefix);
    bool ours = pid != 0;
    if (!ours) pid = pid_after(name, ".tmp-");  // the naming of versions before 0.2
    if (!process_gone(pid)) continue;
    std::error_code rm;
    if (ours && it->is_directory(rm) && !it->is_symlink(rm))
      remove_flat_folder(it->path().c_str());
    else if (!ours && it->is_regular_file(rm) && !it->is_symlink(rm))
      fs::remove(it->path(), rm);
  }
}

}  // namespace bm::staging
