/// Change-set names: little stack's per-person default and CloudFormation's naming rule.
///
/// little stack named its one change set `little-$USER-$HOSTNAME` with `.`, `_` and spaces turned into `-`.
/// CloudFormation only accepts `[a-zA-Z][-a-zA-Z0-9]*` up to 128 characters, so every name goes through
/// ``sanitize(_:)`` before it is sent: a host name like `dev_box.local` must not fail the apply.
public enum ChangeSetName {
    /// CloudFormation's length limit for change-set names.
    public static let maximumLength = 128

    /// little stack's default name, `little-<user>-<host>`, sanitized.
    /// - Parameters:
    ///   - user: the user name (`$USER`).
    ///   - host: the host name (`$HOSTNAME`), kept whole as little stack did (its dots become dashes).
    /// - Returns: a name CloudFormation accepts.
    public static func littleStackDefault(user: String, host: String) -> String {
        sanitize("little-\(user)-\(host)")
    }

    /// The default name for the current process: `$USER` (else `$LOGNAME`, else `user`) and the host name.
    /// - Parameter environment: the process environment.
    /// - Parameter hostName: the machine's host name.
    public static func littleStackDefault(environment: [String: String], hostName: String) -> String {
        let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LOGNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "user"
        let host = environment["HOSTNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? hostName
        return littleStackDefault(user: user, host: host)
    }

    /// The name to use: the one asked for (sanitized), else the default for this user and host.
    /// - Parameters:
    ///   - requested: `--change-set-name`, if given.
    ///   - environment: the process environment.
    ///   - hostName: the machine's host name.
    public static func resolve(requested: String?, environment: [String: String], hostName: String) -> String {
        if let requested, !requested.isEmpty { return sanitize(requested) }
        return littleStackDefault(environment: environment, hostName: hostName)
    }

    /// Turns any text into a valid change-set name: `.`, `_`, spaces and every other character outside
    /// `[-a-zA-Z0-9]` become `-`; a name not starting with a letter gets a `c` in front; the result is cut
    /// to 128 characters.
    /// - Parameter name: the wanted name.
    /// - Returns: a name matching `[a-zA-Z][-a-zA-Z0-9]*`.
    public static func sanitize(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            let v = scalar.value
            let isLetter = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            let isDigit = v >= 0x30 && v <= 0x39
            bytes.append(isLetter || isDigit || v == 0x2D ? UInt8(v) : 0x2D)
        }
        if let first = bytes.first {
            let isLetter = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)
            if !isLetter { bytes.insert(0x63, at: 0) }
        } else {
            bytes = Array("little".utf8)
        }
        if bytes.count > maximumLength { bytes.removeLast(bytes.count - maximumLength) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
