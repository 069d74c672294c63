import Synchronization

/// The parts of the input fingerprints (`InputFingerprint`) that every account of a close shares,
/// digested once per close: the billing rules, and each service of the catalog with all its tariffs.
/// An account's fingerprint then feeds each of its services as one digest instead of the service's
/// and every tariff's fields, byte by byte.
///
/// A digest is a function of the rows alone: one is taken from the table only for the very rows it
/// was made from (the service and its tariffs, in order, compared field by field), and computed from
/// the account's own rows otherwise, so the table changes the time a fingerprint takes, never its
/// value.
///
/// The digests of an input's services are kept by the storage of its two lists (`KnownCatalogs`):
/// the close's loader gives every account with the same services the same two arrays, so each pair is
/// digested and compared with the table once.
public struct ReferenceDigests: Sendable {
    /// `InputFingerprint.rulesDigest(rules)`.
    public let rules: UInt64
    /// The catalog's services with their tariffs and digests, and each one's position by id.
    private let services: [ServiceDigest]
    private let positions: [String: Int]
    /// The service digests of the inputs' lists seen so far, shared by the close's workers.
    private let known = KnownCatalogs()

    private struct ServiceDigest: Sendable {
        let service: Service
        let tariffs: [Tariff]
        let value: UInt64

        /// Whether this digest was made from `service` with `tariffs`, compared where they are stored.
        func isMade(from service: Service, tariffs: UnsafeBufferPointer<Tariff>) -> Bool {
            service == self.service && self.tariffs.count == tariffs.count
                && self.tariffs.withUnsafeBufferPointer { own in own.indices.allSatisfy { own[$0] == tariffs[$0] } }
        }
    }

    /// The digests of `rules` and of each of `services` with its tariffs among `tariffs` (the close's
    /// reference data; none: every service digest is computed per account).
    public init(rules: BillingRules, services: [Service] = [], tariffs: [Tariff] = []) {
        self.rules = InputFingerprint.rulesDigest(rules)
        var tariffsByService: [String: [Tariff]] = [:]
        for tariff in tariffs { tariffsByService[tariff.serviceID, default: []].append(tariff) }
        var digests: [ServiceDigest] = []
        var positions: [String: Int] = [:]
        for service in services where positions[service.id] == nil {
            let own = tariffsByService[service.id] ?? []
            positions[service.id] = digests.count
            digests.append(ServiceDigest(service: service, tariffs: own, value: InputFingerprint.serviceDigest(service, tariffs: own)))
        }
        self.services = digests
        self.positions = positions
    }

    /// `InputFingerprint.serviceDigest` of each of `input.services` with its rows among `input.tariffs`
    /// (in their order), each from the table when they are the rows it was made from.
    /// - Complexity: O(1) for lists seen before where they are stored (`KnownCatalogs`); else
    ///   O(services + tariffs) when the services come in ascending order of id and the tariffs in
    ///   runs, one per service in that order (as the close loads them), O(services × tariffs) otherwise.
    func serviceDigests(of input: AccountBillingInput) -> [UInt64] {
        let key = KnownCatalogs.Key(services: input.services, tariffs: input.tariffs)
        if let digests = known.digests(key) { return digests }
        let digests = computedServiceDigests(of: input)
        known.add(key, services: input.services, tariffs: input.tariffs, digests: digests)
        return digests
    }

    /// `serviceDigests(of:)` taken from the rows.
    private func computedServiceDigests(of input: AccountBillingInput) -> [UInt64] {
        // The rows are read where they are stored: copying a service or a tariff out of an array costs
        // a reference count per text, about what hashing them costs.
        input.services.withUnsafeBufferPointer { services in
            input.tariffs.withUnsafeBufferPointer { tariffs in
                if let runs = Self.runs(of: services, in: tariffs) {
                    return services.indices.map { digest(of: services[$0], tariffs: UnsafeBufferPointer(rebasing: tariffs[runs[$0]])) }
                }
                return services.map { service in
                    InputFingerprint.serviceDigest(service, tariffs: tariffs.filter { $0.serviceID == service.id })
                }
            }
        }
    }

    /// Each service's tariffs as a range of `tariffs`, when the services are in ascending order of id
    /// and every tariff is in the run of its service, in that order; nil otherwise.
    private static func runs(of services: UnsafeBufferPointer<Service>, in tariffs: UnsafeBufferPointer<Tariff>) -> [Range<Int>]? {
        var runs: [Range<Int>] = []
        runs.reserveCapacity(services.count)
        var end = 0
        for index in services.indices {
            if index > 0, services[index - 1].id >= services[index].id { return nil }
            let start = end
            while end < tariffs.count, tariffs[end].serviceID == services[index].id { end += 1 }
            runs.append(start..<end)
        }
        return end == tariffs.count ? runs : nil
    }

    /// The digest of `service` with `tariffs`, its tariffs: the table's when they are its rows.
    private func digest(of service: Service, tariffs: UnsafeBufferPointer<Tariff>) -> UInt64 {
        if let position = positions[service.id],
           services.withUnsafeBufferPointer({ $0[position].isMade(from: service, tariffs: tariffs) }) {
            return services[position].value
        }
        return InputFingerprint.serviceDigest(service, tariffs: tariffs)
    }
}

/// The service digests of the lists of services and tariffs seen in inputs, by where the lists are
/// stored. An entry keeps its two arrays, so their storage is neither freed nor changed while it is
/// known (an array whose storage is shared is copied before it is changed): a list at the same address
/// with the same count is the same list. At most `capacity` entries; then they are all forgotten.
private final class KnownCatalogs: Sendable {
    /// Where two lists are stored, and their counts.
    struct Key: Hashable {
        let services: UInt
        let serviceCount: Int
        let tariffs: UInt
        let tariffCount: Int

        init(services: [Service], tariffs: [Tariff]) {
            self.services = services.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            serviceCount = services.count
            self.tariffs = tariffs.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            tariffCount = tariffs.count
        }
    }

    private struct Entry {
        let services: [Service]
        let tariffs: [Tariff]
        let digests: [UInt64]
    }

    /// A close's loader makes a pair of lists per batch and per set of services (a few dozen).
    static let capacity = 256

    private let entries = Mutex<[Key: Entry]>([:])

    func digests(_ key: Key) -> [UInt64]? {
        entries.withLock { $0[key]?.digests }
    }

    func add(_ key: Key, services: [Service], tariffs: [Tariff], digests: [UInt64]) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[key] = Entry(services: services, tariffs: tariffs, digests: digests)
        }
    }
}
