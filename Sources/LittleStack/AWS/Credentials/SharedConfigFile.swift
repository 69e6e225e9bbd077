import Foundation

/// One of the aws cli's INI files (`~/.aws/credentials` or `~/.aws/config`), as a map of profile name to settings.
///
/// In the config file a profile's section is `[profile name]` (`[default]` for the default profile); in the credentials
/// file it is `[name]`. Lines starting with `#` or `;` are comments. Indented lines continue a nested setting (`s3 =`
/// followed by indented keys): littlestack reads them in `[services name]` sections (per-service `endpoint_url`)
/// and skips them in profiles.
public struct SharedConfigFile: Sendable, Equatable {
    /// Whether the file is the config file (sections `[profile name]`) or the credentials file (sections `[name]`).
    public enum Kind: Sendable, Equatable {
        /// `~/.aws/config`.
        case config
        /// `~/.aws/credentials`.
        case credentials
    }

    /// The file's path.
    public var path: String
    /// Settings by profile name, keys lower-cased.
    public var profiles: [String: [String: String]]
    /// `[services name]` sections: section name → service identifier (`s3`, `cloudformation`, `api_gateway`, lower
    /// case) → its nested settings, keys lower-cased.
    public var services: [String: [String: [String: String]]] = [:]

    /// Parses the text of a shared file.
    /// - Parameters:
    ///   - text: the file's text.
    ///   - kind: which of the two files it is.
    ///   - path: the file's path, for messages.
    public init(text: String, kind: Kind, path: String) {
        self.path = path
        var profiles: [String: [String: String]] = [:]
        var services: [String: [String: [String: String]]] = [:]
        var current: String?
        var currentServices: String?
        var currentService: String?
        func setting(_ line: String) -> (String, String)? {
            guard let equals = line.firstIndex(of: "=") else { return nil }
            return (
                line[..<equals].trimmingCharacters(in: .whitespaces).lowercased(),
                line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            )
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if rawLine.first == " " || rawLine.first == "\t" {
                if let currentServices, let currentService, let (key, value) = setting(line) {
                    services[currentServices, default: [:]][currentService, default: [:]][key] = value
                }
                continue
            }
            if line.hasPrefix("[") {
                current = nil
                currentServices = nil
                currentService = nil
                guard let close = line.lastIndex(of: "]") else { continue }
                let name = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                current = Self.profileName(section: name, kind: kind)
                if let current, profiles[current] == nil { profiles[current] = [:] }
                if kind == .config, name.hasPrefix("services ") {
                    currentServices = String(name.dropFirst("services ".count)).trimmingCharacters(in: .whitespaces)
                }
                continue
            }
            guard let (key, value) = setting(line) else { continue }
            if currentServices != nil {
                currentService = key
            } else if let current {
                profiles[current, default: [:]][key] = value
            }
        }
        self.profiles = profiles
        self.services = services
    }

    /// Reads a shared file; a missing file reads as empty.
    /// - Parameters:
    ///   - path: the file's path.
    ///   - kind: which of the two files it is.
    /// - Returns: the parsed file, or `nil` when it does not exist or cannot be read.
    public static func load(path: String, kind: Kind) -> SharedConfigFile? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return SharedConfigFile(text: String(decoding: data, as: UTF8.self), kind: kind, path: path)
    }

    /// The profile a section header names, or `nil` for sections that are not profiles (`[sso-session x]`, `[services x]`).
    static func profileName(section: String, kind: Kind) -> String? {
        switch kind {
        case .credentials:
            return section
        case .config:
            if section == "default" { return "default" }
            let parts = section.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0] == "profile" else { return nil }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
    }
}
