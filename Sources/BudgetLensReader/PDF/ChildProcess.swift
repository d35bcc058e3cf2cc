#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program and collects its output, with `posix_spawn`, `poll` and `waitpid`: no run loop, so a
/// 20 ms tool takes 20 ms (Foundation's `Process.waitUntilExit` on Linux polls every 50 ms).
enum ChildProcess {
    struct Result {
        var status: Int32
        var output: [UInt8]
        var errors: [UInt8]
    }

    enum Failure: Error {
        case cannotStart(errno: Int32)
        case outputTooLarge
        case timedOut
    }

    /// Runs `executable` with `arguments` (without the program name), standard input from /dev/null.
    ///
    /// - Parameters:
    ///   - maximumOutput: Standard output beyond this many bytes kills the child.
    ///   - timeoutMilliseconds: A child still running after this long is killed.
    static func run(
        _ executable: String, _ arguments: [String], maximumOutput: Int, timeoutMilliseconds: Int
    ) throws -> Result {
        var outputPipe: [Int32] = [0, 0]
        var errorPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0 else { throw Failure.cannotStart(errno: errno) }
        guard pipe(&errorPipe) == 0 else {
            close(outputPipe[0])
            close(outputPipe[1])
            throw Failure.cannotStart(errno: errno)
        }
        // Close-on-exec: a child spawned by another thread must not inherit these ends (the spawned tool gets
        // its own copies through dup2, which clears the flag).
        for descriptor in outputPipe + errorPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        for descriptor in outputPipe + errorPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = argv.withUnsafeBufferPointer { buffer in
            posix_spawn(&pid, executable, &actions, nil, UnsafeMutablePointer(mutating: buffer.baseAddress!), environ)
        }
        close(outputPipe[1])
        close(errorPipe[1])
        guard spawned == 0 else {
            close(outputPipe[0])
            close(errorPipe[0])
            throw Failure.cannotStart(errno: spawned)
        }

        var result = Result(status: -1, output: [], errors: [])
        var failure: Failure?
        var descriptors = [
            pollfd(fd: outputPipe[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: errorPipe[0], events: Int16(POLLIN), revents: 0),
        ]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let deadline = monotonicMilliseconds() + timeoutMilliseconds
        while open > 0 {
            let remaining = deadline - monotonicMilliseconds()
            if remaining <= 0 {
                failure = .timedOut
                break
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(min(remaining, 1000)))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptors[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if index == 0 {
                        result.output.append(contentsOf: buffer[0..<count])
                    } else if result.errors.count < 65536 {
                        result.errors.append(contentsOf: buffer[0..<count])
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(descriptors[index].fd)
                    descriptors[index].fd = -1
                    open -= 1
                }
            }
            if result.output.count > maximumOutput {
                failure = .outputTooLarge
                break
            }
        }
        if failure != nil { kill(pid, SIGKILL) }
        for descriptor in descriptors where descriptor.fd >= 0 { close(descriptor.fd) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        if let failure { throw failure }
        // WIFEXITED / WEXITSTATUS, spelled out (the C macros are not imported).
        result.status = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return result
    }

    private static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
