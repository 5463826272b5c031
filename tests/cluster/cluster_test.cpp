// SPDX-License-Identifier: MIT
// Example 31 against a real nats-server: every task done once with one and
// with four workers; a worker killed with SIGKILL mid-run, and the server
// itself killed and restarted on the same port and store, lose nothing; a
// master started before any worker waits for them; and a bad URL, no
// server, no credentials and a wrong task subject are clear errors. Progress
// is watched on the results subject itself, not by the clock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <future>
#include <gort/nats.hpp>

#include "child_process.hpp"
#include "nats_server.hpp"

namespace {

using namespace std::chrono_literals;
using testing::HasSubstr;

const std::string kCluster = CLUSTER_BINARY;

// worker_process is one `31_cluster worker`, killed at the end of the test at the latest.
struct worker_process {
  pid_t pid = -1;
  worker_process(const gort_test::nats_server& server, const std::string& name,
                 const std::string& program = kCluster) {
    pid = ::fork();
    if (pid == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      ::execl(program.c_str(), program.c_str(), "worker", "--nats", server.url().c_str(), "--name",
              name.c_str(), "--work", "10ms", static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  worker_process(const worker_process&) = delete;
  worker_process& operator=(const worker_process&) = delete;
  ~worker_process() {
    if (pid > 0) ::kill(pid, SIGKILL), ::waitpid(pid, nullptr, 0);
  }
  void kill() {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    pid = -1;
  }
  // exit_status() waits up to limit for the worker to end by itself.
  int exit_status(std::chrono::seconds limit) {
    for (auto deadline = std::chrono::steady_clock::now() + limit;
         std::chrono::steady_clock::now() < deadline;) {
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(20ms);
    }
    return -2;  // still running
  }
};

std::future<gort_test::child_result> start_master(const gort_test::nats_server& server, int tasks,
                                                  const std::string& program = kCluster) {
  return std::async(std::launch::async, [url = server.url(), tasks, program] {
    return gort_test::run_child(
        program, {"master", "--nats", url, "--tasks", std::to_string(tasks), "--timeout", "60s"},
        120s);
  });
}

void expect_every_task_once(gort_test::child_result master, int tasks) {
  EXPECT_EQ(master.exit_code, 0) << master.err;
  EXPECT_TRUE(
      master.out.ends_with("master: " + std::to_string(tasks) + " tasks done, each counted once\n"))
      << master.out << master.err;
}

// wait_for() returns once count messages have passed on subject.
void wait_for(const gort_test::nats_server& server, const std::string& subject, int count) {
  gort::run([&] {
    const auto nc = gort::nats::connection::connect(server.url(), server.token());
    const auto seen = nc.subscribe(subject, 4096);
    for (int i = 0; i < count; ++i) seen.recv();
    nc.close();
  });
}

class Cluster : public testing::Test {
 protected:
  void SetUp() override { ::setenv("NATS_TOKEN", server.token().c_str(), 1); }
  gort_test::nats_server server;
};

TEST_F(Cluster, EveryTaskIsDoneOnceWithOneWorker) {
  worker_process worker(server, "w1");
  expect_every_task_once(start_master(server, 100).get(), 100);
  EXPECT_EQ(worker.exit_status(10s), 0) << "the worker stops on the master's word";
}

TEST_F(Cluster, EveryTaskIsDoneOnceWithFourWorkers) {
  std::vector<std::unique_ptr<worker_process>> workers;
  for (int w = 1; w <= 4; ++w)
    workers.push_back(std::make_unique<worker_process>(server, "w" + std::to_string(w)));
  expect_every_task_once(start_master(server, 200).get(), 200);
  for (auto& w : workers) EXPECT_EQ(w->exit_status(10s), 0);
}

TEST_F(Cluster, AWorkerKilledMidRunLosesNoTask) {
  worker_process doomed(server, "doomed");
  worker_process survivor(server, "survivor");
  auto master = start_master(server, 150);
  wait_for(server, "cluster.results", 30);
  doomed.kill();
  const auto result = master.get();
  expect_every_task_once(result, 150);
  EXPECT_THAT(result.out,
              testing::ContainsRegex("master: [0-9]+ tasks were delivered more than once"));
  std::cout << result.out.substr(result.out.rfind("master: ", result.out.rfind("master: ") - 1));
}

TEST_F(Cluster, TheServerKilledAndRestartedMidRunLosesNoTask) {
  worker_process one(server, "w1");
  worker_process two(server, "w2");
  auto master = start_master(server, 150);
  wait_for(server, "cluster.results", 30);
  server.kill();
  std::this_thread::sleep_for(300ms);  // the clients find no server for a while
  server.start();
  const auto result = master.get();
  expect_every_task_once(result, 150);
  std::cout << result.out.substr(result.out.rfind("master: ", result.out.rfind("master: ") - 1));
}

TEST_F(Cluster, AMasterStartedBeforeAnyWorkerWaitsForThem) {
  auto master = start_master(server, 80);
  wait_for(server, "cluster.tasks", 80);  // every task is queued, and nobody takes them yet
  worker_process late(server, "late");
  expect_every_task_once(master.get(), 80);
}

// go_twin() is main.go built on Debian's Go client, in GOPATH mode: no downloads.
std::string go_twin() {
  static const std::string binary = [] {
    ::setenv("GO111MODULE", "off", 1);
    ::setenv("GOPATH", "/usr/share/gocode", 1);
    const auto build = gort_test::run_child(
        GO_EXECUTABLE, {"build", "-o", GO_TWIN_BINARY, CLUSTER_GO_SOURCE}, 300s);
    EXPECT_EQ(build.exit_code, 0) << build.out << build.err;
    return std::string(GO_TWIN_BINARY);
  }();
  return binary;
}

TEST_F(Cluster, TheGoTwinAndTheCppProgramShareOneServer) {
  if (std::string(GO_EXECUTABLE).empty()) {
    GTEST_SKIP() << "Go is not installed (scripts/install-deps.sh --go): Go twin not checked";
  }
  const std::string go = go_twin();
  {  // the Go master, with a C++ worker and a Go worker
    worker_process cpp(server, "cpp");
    worker_process golang(server, "go", go);
    expect_every_task_once(start_master(server, 100, go).get(), 100);
    EXPECT_EQ(cpp.exit_status(10s), 0);
    EXPECT_EQ(golang.exit_status(10s), 0);
  }
  worker_process golang(server, "go", go);  // and the C++ master with a Go worker
  expect_every_task_once(start_master(server, 100).get(), 100);
  EXPECT_EQ(golang.exit_status(10s), 0);
}

TEST_F(Cluster, BadUrlsNoServerNoCredentialsAndAWrongSubjectAreClearErrors) {
  const auto worker = [](std::vector<std::string> args) {
    args.insert(args.begin(), {"worker", "--name", "w"});
    return gort_test::run_child(kCluster, args, 30s);
  };
  const auto bad_url = worker({"--nats", "http://127.0.0.1:4222"});
  EXPECT_NE(bad_url.exit_code, 0);
  EXPECT_THAT(bad_url.err, HasSubstr("is not a NATS URL"));
  const auto nobody =
      worker({"--nats", "nats://127.0.0.1:" + std::to_string(gort_test::nats_server::free_port())});
  EXPECT_NE(nobody.exit_code, 0);
  EXPECT_THAT(nobody.err, HasSubstr("no NATS server answers"));
  const auto wrong_subject = worker({"--nats", server.url(), "--subject", "elsewhere.tasks"});
  EXPECT_NE(wrong_subject.exit_code, 0);
  EXPECT_THAT(wrong_subject.err, HasSubstr("cannot take work from 'elsewhere.tasks'"));
  ::unsetenv("NATS_TOKEN");
  const auto no_token = worker({"--nats", server.url()});
  EXPECT_NE(no_token.exit_code, 0);
  EXPECT_THAT(no_token.err, HasSubstr("Authorization Violation"));
}

}  // namespace
