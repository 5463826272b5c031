// SPDX-License-Identifier: MIT
// 31 cluster: chapter 5's master and workers as separate processes, talking
// through NATS. The tasks wait in a JetStream work queue until a worker
// acknowledges them, the results in a stream until the master has them.
// Watch for: a worker acknowledges a task only once its result is stored, so
// a worker killed mid-task loses nothing, and its task comes again; the
// master counts each task once, however many results it gets for it.
//   31_cluster worker --nats URL --name NAME
//   31_cluster master --nats URL --tasks N
//   31_cluster demo --tasks N --workers K   (starts a server, a master and K workers)
// The credentials come from --token or NATS_TOKEN.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <gort/gort.hpp>
#include <gort/nats.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "go_flags.hpp"

using namespace std::chrono_literals;

// book:begin
// result is the work of task n, which the master can check: the sum of the
// squares 1..1000+n, modulo 2^64.
std::uint64_t result(std::uint64_t n) {
  std::uint64_t sum = 0;
  for (std::uint64_t k = 1; k <= 1000 + n; ++k) sum += k * k;
  return sum;
}

// worker takes tasks from the work queue until the master says stop. It
// acknowledges a task only after JetStream has stored its result: killed
// before that, it leaves the task to be delivered again to another worker.
int worker(const gort::nats::connection& nc, const std::string& name, const std::string& subject,
           std::chrono::nanoseconds work) {
  nc.work_queue("TASKS", "cluster.tasks");
  nc.stream("RESULTS", "cluster.results");
  const auto tasks = nc.pull("TASKS", "workers", subject, 1s);
  const auto stop = nc.subscribe("cluster.stop");
  for (bool running = true; running;) {
    gort::select(gort::recv_case(tasks,
                                 [&](gort::nats::message task, bool ok) {
                                   if (!ok) {  // the connection closed
                                     running = false;
                                     return;
                                   }
                                   const std::uint64_t n = std::stoull(task.data);
                                   gort::sleep(work);  // the task takes a while
                                   const std::string answer =
                                       task.data + " " + std::to_string(result(n)) + " " + name +
                                       " " + std::to_string(task.delivered);
                                   if (nc.js_publish("cluster.results", answer).recv().empty())
                                     task.ack();
                                 }),
                 gort::recv_case(stop, [&] { running = false; }));
  }
  std::printf("%s: stopped\n", name.c_str());
  return 0;
}

// master puts n tasks in the work queue and collects results until it holds
// a correct one for each, counting a task that came back twice once.
int master(const gort::nats::connection& nc, int n, std::chrono::nanoseconds limit) {
  nc.work_queue("TASKS", "cluster.tasks");
  nc.stream("RESULTS", "cluster.results");
  for (int i = 0; i < n; ++i) {
    if (const std::string failed = nc.js_publish("cluster.tasks", std::to_string(i)).recv();
        !failed.empty()) {
      std::fprintf(stderr, "master: %s\n", failed.c_str());
      return 1;
    }
  }
  const auto results = nc.pull("RESULTS", "master", "cluster.results", 5s, 64);  // many at a time
  std::vector<bool> counted(static_cast<std::size_t>(n));
  int done = 0, twice = 0, again = 0, status = -1;
  const auto give_up = gort::after(limit);
  while (status < 0 && done < n) {
    gort::select(gort::recv_case(results,
                                 [&](gort::nats::message m, bool ok) {
                                   if (!ok) {
                                     std::fprintf(stderr, "master: the connection closed\n");
                                     status = 1;
                                     return;
                                   }
                                   std::istringstream fields(m.data);
                                   std::uint64_t task = 0, value = 0;
                                   std::string by;
                                   int delivered = 1;
                                   fields >> task >> value >> by >> delivered;
                                   m.ack();
                                   if (task >= counted.size() || value != result(task)) {
                                     std::fprintf(stderr, "master: wrong result from %s: %s\n",
                                                  by.c_str(), m.data.c_str());
                                     status = 1;
                                   } else if (counted[task]) {
                                     ++twice;  // a redelivered task's second result
                                   } else {
                                     counted[task] = true;
                                     again += delivered > 1 ? 1 : 0;
                                     if (++done % 50 == 0)
                                       std::printf("master: %d/%d results\n", done, n);
                                   }
                                 }),
                 gort::recv_case(give_up, [&] {
                   std::fprintf(stderr, "master: %d of %d tasks lost: no result within %lld ms\n",
                                n - done, n, static_cast<long long>(limit / 1ms));
                   status = 1;
                 }));
  }
  if (status > 0) return status;
  nc.publish("cluster.stop", "");
  std::printf(
      "master: %d tasks were delivered more than once; %d results came twice and were "
      "counted once\n",
      again, twice);
  std::printf("master: %d tasks done, each counted once\n", n);
  return 0;
}
// book:end

// --- demo: a server, a master and workers on this machine -----------------

// child is a process the demo started; it dies with the demo.
struct child {
  pid_t pid = -1;
  int out = -1;  // its stdout, when the demo reads it

  static child start(const std::vector<std::string>& args, bool read_output) {
    int pipe_fds[2] = {-1, -1};
    if (read_output && ::pipe(pipe_fds) != 0) throw std::runtime_error("cannot make a pipe");
    child c;
    c.pid = ::fork();
    if (c.pid == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (read_output) ::dup2(pipe_fds[1], STDOUT_FILENO);
      std::vector<char*> argv;
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execvp(argv[0], argv.data());
      std::perror(argv[0]);
      ::_exit(127);
    }
    if (read_output) {
      ::close(pipe_fds[1]);
      c.out = pipe_fds[0];
    }
    return c;
  }
  void kill() const {
    if (pid > 0) ::kill(pid, SIGKILL);
  }
  int wait() {
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
};

// listening() is whether something accepts connections on the loopback port.
bool listening(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

std::string random_token() {
  std::random_device device;
  std::string token;
  for (int i = 0; i < 32; ++i) token += "0123456789abcdef"[device() % 16];
  return token;
}

// demo runs nats-server on a free loopback port with a fresh store, a master
// and k workers, kills a worker once a third of the results are in, and
// cleans up whatever happens.
int demo(int n, int k, const std::string& self) {
  std::string store = (std::filesystem::temp_directory_path() / "31_cluster-XXXXXX").string();
  if (::mkdtemp(store.data()) == nullptr) throw std::runtime_error("cannot make a store folder");
  const std::string port = std::to_string(free_port());
  const std::string token = random_token();
  const std::string url = "nats://127.0.0.1:" + port;
  ::setenv("NATS_TOKEN", token.c_str(), 1);  // to the children, not on their command lines
  std::vector<child> workers;
  child server, boss;
  struct cleanup {
    std::vector<child>& workers;
    child& server;
    child& boss;
    std::string store;
    ~cleanup() {
      for (auto& w : workers) w.kill();
      boss.kill();
      server.kill();
      for (auto& w : workers) w.pid > 0 ? void(w.wait()) : void();
      if (boss.pid > 0) boss.wait();
      if (server.pid > 0) server.wait();
      std::filesystem::remove_all(store);
    }
  } guard{workers, server, boss, store};

  server = child::start({"nats-server", "-js", "-a", "127.0.0.1", "-p", port, "--auth", token,
                         "-sd", store, "-l", store + "/server.log"},
                        false);
  for (int tries = 0; !listening(std::stoi(port)); ++tries) {
    if (tries == 500)
      throw std::runtime_error(
          "nats-server did not start (is it installed? scripts/install-deps.sh)");
    std::this_thread::sleep_for(20ms);
  }
  std::printf("demo: nats-server with JetStream on %s, store %s\n", url.c_str(), store.c_str());
  boss = child::start({self, "master", "--nats", url, "--tasks", std::to_string(n)}, true);
  for (int w = 1; w <= k; ++w) {
    workers.push_back(child::start(
        {self, "worker", "--nats", url, "--name", "worker-" + std::to_string(w), "--work", "20ms"},
        false));
  }
  std::printf("demo: a master and %d workers started\n", k);
  std::string line;
  bool killed = false;
  for (char c; ::read(boss.out, &c, 1) == 1;) {
    if (c != '\n') {
      line += c;
      continue;
    }
    std::printf("%s\n", line.c_str());
    int got = 0;
    if (!killed && std::sscanf(line.c_str(), "master: %d/", &got) == 1 && got * 3 >= n) {
      workers.front().kill();
      std::printf("demo: killed worker-1 with SIGKILL, mid-run\n");
      killed = true;
    }
    line.clear();
  }
  const int status = boss.wait();
  for (std::size_t w = 1; w < workers.size(); ++w)
    workers[w].wait();  // each stops on the master's word
  std::printf(status == 0 ? "demo: every task finished, although a worker was killed\n"
                          : "demo: the master failed\n");
  return status;
}

int main(int argc, char** argv) {
  CLI::App app{"31 cluster: master and workers as processes on NATS JetStream"};
  std::string url;
  std::string token = std::getenv("NATS_TOKEN") != nullptr ? std::getenv("NATS_TOKEN") : "";
  std::string name;
  std::string subject = "cluster.tasks";
  int tasks = 200;
  int workers = 3;
  std::chrono::nanoseconds work = 5ms;
  std::chrono::nanoseconds limit = 30s;
  auto* worker_cmd =
      app.add_subcommand("worker", "take tasks from the work queue until the master says stop");
  worker_cmd->add_option("--nats", url, "the server, nats://host:port")->required();
  worker_cmd->add_option("--name", name, "this worker's name, in its results")->required();
  worker_cmd->add_option("--subject", subject, "the subject the tasks are on")
      ->capture_default_str();
  worker_cmd->add_option("--token", token, "the server's token (default: $NATS_TOKEN)");
  workbook::add_duration(*worker_cmd, "--work", work, "how long each task takes")
      ->default_str("5ms");
  auto* master_cmd =
      app.add_subcommand("master", "publish the tasks and count one result for each");
  master_cmd->add_option("--nats", url, "the server, nats://host:port")->required();
  master_cmd->add_option("--tasks", tasks, "how many tasks")
      ->check(CLI::Range(1, 100'000))
      ->capture_default_str();
  master_cmd->add_option("--token", token, "the server's token (default: $NATS_TOKEN)");
  workbook::add_duration(*master_cmd, "--timeout", limit, "how long to wait for the last result")
      ->default_str("30s")
      ->check(workbook::positive_duration);
  auto* demo_cmd =
      app.add_subcommand("demo", "run a server, a master and workers here, and kill a worker");
  demo_cmd->add_option("--tasks", tasks, "how many tasks")
      ->check(CLI::Range(3, 100'000))
      ->capture_default_str();
  demo_cmd->add_option("--workers", workers, "how many workers")
      ->check(CLI::Range(2, 64))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (!*worker_cmd && !*master_cmd && !*demo_cmd) {
    std::fprintf(stderr, "31_cluster: say worker, master or demo (31_cluster --help)\n");
    return 2;
  }

  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // line by line, also into the demo's pipe
  try {
    if (*demo_cmd)
      return demo(tasks, workers, std::filesystem::read_symlink("/proc/self/exe").string());
    int status = 1;
    gort::run([&] {
      try {
        const auto nc = gort::nats::connection::connect(url, token);
        status = *worker_cmd ? worker(nc, name, subject, work) : master(nc, tasks, limit);
        nc.close();
      } catch (const gort::nats::error& error) {
        std::fprintf(stderr, "31_cluster: %s\n", error.what());
      }
    });
    return status;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "31_cluster: %s\n", error.what());
    return 1;
  }
}
