import YAMLBridge

extension StackConfig {
    /// Reads and checks a stack config, and finds its template.
    ///
    /// `TemplatePath` is taken relative to the config's folder; when no file is there and
    /// `LITTLE_HOME` is set in `environment`, relative to `$LITTLE_HOME` (where little stack
    /// looked). Every error found is reported at once.
    /// - Parameters:
    ///   - path: the config file (`.yaml`/`.yml` read as YAML, anything else as JSON).
    ///   - environment: the variables to consult (`LITTLE_HOME`); pass the process environment.
    /// - Returns: the config, with `warnings` for unknown keys.
    /// - Throws: `DiagnosticError` with every problem (`path:line:column: error: …`), or `FileError`.
    public static func load(path: String, environment: [String: String]) throws -> StackConfig {
        let bytes = try FileIO.read(path)
        return try parse(bytes, path: path, environment: environment)
    }

    /// Checks a config held in memory; `path` names it in messages and is the base for `TemplatePath`.
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - path: its path.
    ///   - environment: the variables to consult (`LITTLE_HOME`).
    /// - Throws: `DiagnosticError` with every problem found.
    public static func parse(_ bytes: [UInt8], path: String, environment: [String: String]) throws -> StackConfig {
        let source = SourceFile(path: path, bytes: bytes)
        let format: Format = path.hasSuffix(".yaml") || path.hasSuffix(".yml") ? .yaml : .json
        let node = try TreeReader.parse(source, asYAML: format == .yaml)
        var reader = ConfigReader(source: source)
        return try reader.read(node, format: format, environment: environment)
    }
}

/// Walks a parsed config, collecting every error and warning with its position.
struct ConfigReader {
    let source: SourceFile
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    init(source: SourceFile) {
        self.source = source
    }

    mutating func read(_ node: Node, format: StackConfig.Format, environment: [String: String]) throws -> StackConfig {
        guard case .mapping(let root) = node else {
            throw DiagnosticError(source.diagnostic(.error, at: node.start,
                                                    "config must be an object, not \(NodeType.name(node))"))
        }
        var stackName = ""
        var parameters: [StackConfig.Parameter] = []
        var tags: [StackConfig.Tag] = []
        var rawTags: [JSONValue] = []
        var capabilities: [String] = []
        var timeout: Int?
        var protection: Bool?
        var roleARN: String?
        var notificationARNs: [String] = []
        var otherKeys: [(String, JSONValue)] = []
        var littleware: Node.Mapping?
        let known = StackConfig.littlestackKeys + StackConfig.createStackKeys

        for (keyNode, value) in root.pairs {
            let key = JSONValue.keyText(keyNode)
            switch key {
            case "StackName":
                if let s = string(value, "StackName") {
                    stackName = s
                    if !StackConfig.isValidStackName(s) {
                        errors.append(source.diagnostic(.error, at: value.start,
                            "stack name '\(s)' must start with a letter and hold only letters, digits and '-' (at most 128)"))
                    }
                }
            case "Parameters":
                parameters = readParameters(value)
            case "Tags":
                (tags, rawTags) = readTags(value)
            case "Capabilities":
                capabilities = stringArray(value, "Capabilities")
                if let seq = value.sequence {
                    for item in seq.items {
                        if let s = item.scalar?.value, !StackConfig.knownCapabilities.contains(s) {
                            warnings.append(source.diagnostic(.warning, at: item.start, "unknown capability '\(s)'"))
                        }
                    }
                }
            case "TimeoutInMinutes":
                if let n = number(value, "TimeoutInMinutes") {
                    if n >= 1, n == n.rounded(), n < 1e9 { timeout = Int(n) } else {
                        errors.append(source.diagnostic(.error, at: value.start,
                                                        "'TimeoutInMinutes' must be a positive whole number"))
                    }
                }
            case "EnableTerminationProtection":
                protection = bool(value, "EnableTerminationProtection")
            case "RoleARN":
                roleARN = string(value, "RoleARN")
            case "NotificationARNs":
                notificationARNs = stringArray(value, "NotificationARNs")
            case "Littleware":
                if case .mapping(let m) = value { littleware = m } else {
                    typeError(value, "Littleware", expected: "an object")
                }
            default:
                otherKeys.append((key, JSONValue(node: value)))
                if !known.contains(key) {
                    warnings.append(unknownKey(key, at: keyNode.start, known: known))
                }
            }
        }
        if root["StackName"] == nil {
            errors.append(source.diagnostic(.error, at: root.start, "missing 'StackName'"))
        }

        var templatePath = ""
        var variables: JSONValue?
        var bucket: String?
        var templateNode: Node?
        if let block = littleware {
            for (keyNode, value) in block.pairs {
                let key = JSONValue.keyText(keyNode)
                switch key {
                case "TemplatePath":
                    if let s = string(value, "TemplatePath") { templatePath = s; templateNode = value }
                case "Variables":
                    variables = JSONValue(node: value)
                case "Bucket":
                    bucket = string(value, "Bucket")
                default:
                    warnings.append(unknownKey(key, at: keyNode.start, known: StackConfig.littlewareKeys))
                }
            }
            if block["TemplatePath"] == nil {
                errors.append(source.diagnostic(.error, at: block.start, "missing 'TemplatePath' in 'Littleware'"))
            }
        } else if root["Littleware"] == nil {
            errors.append(source.diagnostic(.error, at: root.start,
                                            "missing 'Littleware' (the block naming the template)"))
        }

        var resolved = ""
        var location = StackConfig.TemplateLocation.configFolder
        if let tnode = templateNode {
            let found = StackConfig.findTemplate(templatePath, configPath: source.path, environment: environment)
            switch found {
            case .found(let p, let loc):
                resolved = p
                location = loc
            case .notFound(let tried):
                let list = tried.map { "'\($0)'" }.joined(separator: ", ")
                errors.append(source.diagnostic(.error, at: tnode.start,
                                                "template '\(templatePath)' not found (tried \(list))"))
            }
        }

        // The warnings go with the errors: 'unknown key StackNmae' is what explains 'missing StackName'.
        guard errors.isEmpty else { throw DiagnosticError(Diagnostic.sorted(errors + warnings)) }
        return StackConfig(
            path: source.path, source: source, format: format, node: .mapping(root),
            stackName: stackName, parameters: parameters, tags: tags, rawTags: rawTags,
            capabilities: capabilities, timeoutInMinutes: timeout, enableTerminationProtection: protection,
            roleARN: roleARN, notificationARNs: notificationARNs, otherKeys: otherKeys,
            templatePath: templatePath, resolvedTemplatePath: resolved, templateLocation: location,
            variables: variables, bucket: bucket, warnings: Diagnostic.sorted(warnings))
    }

    // MARK: - Sections

    private mutating func readParameters(_ node: Node) -> [StackConfig.Parameter] {
        guard case .sequence(let seq) = node else {
            typeError(node, "Parameters", expected: "an array")
            return []
        }
        var result: [StackConfig.Parameter] = []
        var seen: [String: Mark] = [:]
        for item in seq.items {
            guard case .mapping(let entry) = item else {
                typeError(item, "Parameters", expected: "an object", entryOf: true)
                continue
            }
            var key: String?
            var keyMark = entry.start
            var value: String?
            var usePrevious: Bool?
            for (k, v) in entry.pairs {
                let name = JSONValue.keyText(k)
                switch name {
                case "ParameterKey":
                    key = string(v, "ParameterKey")
                    keyMark = v.start
                case "ParameterValue": value = string(v, "ParameterValue")
                case "UsePreviousValue": usePrevious = bool(v, "UsePreviousValue")
                case "ResolvedValue": _ = string(v, "ResolvedValue")
                default: warnings.append(unknownKey(name, at: k.start, known: StackConfig.parameterKeys))
                }
            }
            guard entry["ParameterKey"] != nil else {
                errors.append(source.diagnostic(.error, at: entry.start, "parameter without 'ParameterKey'"))
                continue
            }
            guard let name = key else { continue }
            if let first = seen[name] {
                errors.append(source.diagnostic(.error, at: keyMark, "duplicate parameter '\(name)'", notes: [
                    source.diagnostic(.note, at: first, "'\(name)' first given here"),
                ]))
                continue
            }
            seen[name] = keyMark
            result.append(StackConfig.Parameter(key: name, value: value, usePreviousValue: usePrevious, mark: keyMark))
        }
        return result
    }

    private mutating func readTags(_ node: Node) -> ([StackConfig.Tag], [JSONValue]) {
        guard case .sequence(let seq) = node else {
            typeError(node, "Tags", expected: "an array")
            return ([], [])
        }
        var tags: [StackConfig.Tag] = []
        var raw: [JSONValue] = []
        for item in seq.items {
            raw.append(JSONValue(node: item))
            guard case .mapping(let entry) = item else {
                typeError(item, "Tags", expected: "an object", entryOf: true)
                continue
            }
            for (k, _) in entry.pairs {
                let name = JSONValue.keyText(k)
                if !StackConfig.tagKeys.contains(name) {
                    warnings.append(unknownKey(name, at: k.start, known: StackConfig.tagKeys))
                }
            }
            guard let keyNode = entry["Key"] else {
                errors.append(source.diagnostic(.error, at: entry.start, "tag without 'Key'"))
                continue
            }
            guard let key = string(keyNode, "Key") else { continue }
            guard let valueNode = entry["Value"] else {
                errors.append(source.diagnostic(.error, at: entry.start, "tag '\(key)' without 'Value'"))
                continue
            }
            guard let value = string(valueNode, "Value") else { continue }
            tags.append(StackConfig.Tag(key: key, value: value))
        }
        return (tags, raw)
    }

    // MARK: - Typed values

    private mutating func string(_ node: Node, _ name: String) -> String? {
        if case .string(let s) = JSONValue(node: node) { return s }
        typeError(node, name, expected: "a string")
        return nil
    }

    private mutating func number(_ node: Node, _ name: String) -> Double? {
        if case .scalar = node, case .number(let d) = JSONValue(node: node) { return d }
        typeError(node, name, expected: "a number")
        return nil
    }

    private mutating func bool(_ node: Node, _ name: String) -> Bool? {
        if case .scalar = node, case .bool(let b) = JSONValue(node: node) { return b }
        typeError(node, name, expected: "a boolean")
        return nil
    }

    private mutating func stringArray(_ node: Node, _ name: String) -> [String] {
        guard case .sequence(let seq) = node else {
            typeError(node, name, expected: "an array")
            return []
        }
        var result: [String] = []
        for item in seq.items {
            if case .string(let s) = JSONValue(node: item) { result.append(s) } else {
                typeError(item, name, expected: "a string", entryOf: true)
            }
        }
        return result
    }

    /// `'<name>' must be …`; an entry of a list is named `'<list>' entry`.
    private mutating func typeError(_ node: Node, _ name: String, expected: String, entryOf: Bool = false) {
        let subject = entryOf ? "'\(name)' entry" : "'\(name)'"
        errors.append(source.diagnostic(.error, at: node.start,
                                        "\(subject) must be \(expected), not \(NodeType.name(node))"))
    }

    private func unknownKey(_ key: String, at mark: Mark, known: [String]) -> Diagnostic {
        var message = "unknown key '\(key)'"
        if let guess = Suggestion.closest(to: key, in: known) { message += " (did you mean '\(guess)'?)" }
        return source.diagnostic(.warning, at: mark, message)
    }
}

/// Type names of nodes as messages say them (JSON's words: object, array, string…).
enum NodeType {
    static func name(_ node: Node) -> String {
        switch node {
        case .mapping: return "an object"
        case .sequence: return "an array"
        case .scalar:
            switch JSONValue(node: node) {
            case .null: return "null"
            case .bool: return "a boolean"
            case .number: return "a number"
            default: return "a string"
            }
        }
    }
}

extension StackConfig {
    /// Whether `name` is a valid CloudFormation stack name.
    static func isValidStackName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 128, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// The result of looking for a config's template.
    enum TemplateSearch {
        case found(String, TemplateLocation)
        case notFound(tried: [String])
    }

    /// Looks for `templatePath` beside the config, then under `$LITTLE_HOME`.
    static func findTemplate(_ templatePath: String, configPath: String, environment: [String: String]) -> TemplateSearch {
        if templatePath.hasPrefix("/") {
            return FileIO.isFile(templatePath) ? .found(templatePath, .absolute) : .notFound(tried: [templatePath])
        }
        var tried: [String] = []
        let local = FileIO.join(FileIO.directory(of: configPath), templatePath)
        if FileIO.isFile(local) { return .found(local, .configFolder) }
        tried.append(local)
        if let home = environment["LITTLE_HOME"], !home.isEmpty {
            let legacy = FileIO.join(home, templatePath)
            if FileIO.isFile(legacy) { return .found(legacy, .littleHome) }
            tried.append(legacy)
        }
        return .notFound(tried: tried)
    }
}
