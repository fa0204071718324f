import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets this process's transactions run concurrently, and gives one caller the environment
/// alone when the map must be resized: `mdb_env_set_mapsize` may only be called while no
/// transaction of the process is open, and LMDB does not check this itself.
///
/// Entering and leaving is one atomic operation on the fast path. A thread that already holds
/// a transaction may always open another, so nesting cannot deadlock against a waiting resize.
final class TransactionGate: @unchecked Sendable {
    /// Set in `state` while a resize waits or runs; the other bits count open transactions.
    private static let exclusiveBit = 1 << 62
    private let state = Atomic<Int>(0)
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// This thread's count of open transactions of the environment.
    private var depthKey = pthread_key_t()
    /// Non-nil while this thread holds the environment's write transaction.
    private var writerKey = pthread_key_t()

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        pthread_key_create(&depthKey, nil)
        pthread_key_create(&writerKey, nil)
    }

    deinit {
        pthread_key_delete(writerKey)
        pthread_key_delete(depthKey)
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// How many transactions of the environment the calling thread has open.
    var threadDepth: Int { Int(bitPattern: pthread_getspecific(depthKey)) }

    /// Whether the calling thread holds the environment's write transaction. LMDB's writer
    /// lock is not recursive: a second top-level write on this thread would wait forever.
    var threadHoldsWrite: Bool {
        get { pthread_getspecific(writerKey) != nil }
        set { pthread_setspecific(writerKey, newValue ? UnsafeRawPointer(bitPattern: 1) : nil) }
    }

    private func setThreadDepth(_ depth: Int) {
        pthread_setspecific(depthKey, UnsafeRawPointer(bitPattern: depth))
    }

    /// Call before beginning a transaction; waits while a resize is pending.
    func enter() {
        let depth = threadDepth
        if depth > 0 {
            state.wrappingAdd(1, ordering: .acquiring)
        } else {
            while true {
                let current = state.load(ordering: .relaxed)
                if current & Self.exclusiveBit == 0 {
                    if state.compareExchange(
                        expected: current, desired: current + 1,
                        successOrdering: .acquiring, failureOrdering: .relaxed
                    ).exchanged { break }
                    continue
                }
                pthread_mutex_lock(mutex)
                while state.load(ordering: .acquiring) & Self.exclusiveBit != 0 {
                    pthread_cond_wait(condition, mutex)
                }
                pthread_mutex_unlock(mutex)
            }
        }
        setThreadDepth(depth + 1)
    }

    /// Call after a transaction has ended (committed, aborted or failed to begin).
    func leave() {
        setThreadDepth(threadDepth - 1)
        let remaining = state.wrappingSubtract(1, ordering: .releasing).newValue
        if remaining == Self.exclusiveBit {
            pthread_mutex_lock(mutex)
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
    }

    /// Runs `body` once no transaction of the process is open, holding new ones back meanwhile.
    /// The calling thread must not hold a transaction itself.
    func exclusive<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        precondition(threadDepth == 0, "a thread holding a transaction cannot wait for all to end")
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while state.load(ordering: .acquiring) & Self.exclusiveBit != 0 {
            pthread_cond_wait(condition, mutex)
        }
        state.bitwiseOr(Self.exclusiveBit, ordering: .acquiringAndReleasing)
        while state.load(ordering: .acquiring) != Self.exclusiveBit {
            pthread_cond_wait(condition, mutex)
        }
        defer {
            state.bitwiseAnd(~Self.exclusiveBit, ordering: .releasing)
            pthread_cond_broadcast(condition)
        }
        return try body()
    }
}
