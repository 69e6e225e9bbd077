import YAMLBridge

/// Reads a config's release units from `Littleware.Releases`, or infers them from `Littleware.Variables`.
///
/// ```json
/// "Releases": {
///   "helloapi": {
///     "variables": "helloapi",
///     "api": { "source": "body" | "openapi.yaml", "restApi": "helloApi",
///              "deployments": "gatewayDeployments", "prod": "prodDeployment", "beta": "betaDeployment" },
///     "function": { "code": "code/" | {"s3Key": "…"} | {"imageUri": "…"}, "resource": "helloFunction",
///                   "versions": "lambdaVersions", "prod": "prodLambdaVersion", "beta": "betaLambdaVersion",
///                   "keyParameter": "LambdaKey" }
///   }
/// }
/// ```
/// Every key is optional except that a unit needs `api` or `function`. Without `Releases`, each
/// variable group holding `gatewayDeployments` and/or `lambdaVersions` is a unit of that name.
public enum ReleaseDeclaration {
    /// The keys a unit may have.
    public static let unitKeys = ["variables", "api", "function"]
    /// The keys of a unit's `api`.
    public static let apiKeys = ["source", "restApi", "deployments", "prod", "beta"]
    /// The keys of a unit's `function`.
    public static let functionKeys = ["code", "resource", "versions", "prod", "beta", "keyParameter"]

    /// The release units of a config.
    /// - Parameter littleware: the config's `Littleware` node, or nil.
    /// - Returns: the units in the order written.
    /// - Throws: `ReleaseError` at the offending node (marks only: locate it with the config's path).
    public static func units(littleware: Node?) throws(ReleaseError) -> [ReleaseUnit] {
        if let releases = littleware?["Releases"] {
            return try declared(releases)
        }
        return inferred(variables: littleware?["Variables"])
    }

    /// Units inferred from the variable groups that hold little stack's lists.
    /// - Parameter variables: `Littleware.Variables`, or nil.
    /// - Returns: one unit per group with `gatewayDeployments` and/or `lambdaVersions`.
    public static func inferred(variables: Node?) -> [ReleaseUnit] {
        guard let map = variables?.mapping else { return [] }
        var units: [ReleaseUnit] = []
        for pair in map.pairs {
            guard let name = pair.key.scalar?.value, let group = pair.value.mapping else { continue }
            let api = group["gatewayDeployments"] != nil ? ReleaseUnit.API() : nil
            let function = group["lambdaVersions"] != nil ? ReleaseUnit.Function() : nil
            if api != nil || function != nil {
                units.append(ReleaseUnit(name: name, group: name, api: api, function: function))
            }
        }
        return units
    }

    private static func declared(_ releases: Node) throws(ReleaseError) -> [ReleaseUnit] {
        guard let map = releases.mapping else {
            throw ReleaseError("'Releases' must be a mapping of release unit names to units", mark: releases.start)
        }
        var units: [ReleaseUnit] = []
        for pair in map.pairs {
            guard let name = pair.key.scalar?.value, !name.isEmpty else {
                throw ReleaseError("a release unit name must be a non-empty string", mark: pair.key.start)
            }
            guard let body = pair.value.mapping else {
                throw ReleaseError("release unit '\(name)' must be a mapping", mark: pair.value.start)
            }
            try checkKeys(body, allowed: unitKeys, context: "release unit '\(name)'")
            var unit = ReleaseUnit(name: name, group: try string(body, "variables") ?? name, api: nil, function: nil)
            if let apiNode = body["api"] {
                guard let api = apiNode.mapping else {
                    throw ReleaseError("'api' of release unit '\(name)' must be a mapping", mark: apiNode.start)
                }
                try checkKeys(api, allowed: apiKeys, context: "'api' of release unit '\(name)'")
                var part = ReleaseUnit.API()
                if let source = try string(api, "source") {
                    part.source = source == "body" ? .body : .file(source)
                }
                part.restApi = try logicalID(api, "restApi")
                part.listKey = try string(api, "deployments") ?? part.listKey
                part.prodKey = try string(api, "prod") ?? part.prodKey
                part.betaKey = try string(api, "beta") ?? part.betaKey
                unit.api = part
            }
            if let functionNode = body["function"] {
                guard let function = functionNode.mapping else {
                    throw ReleaseError("'function' of release unit '\(name)' must be a mapping",
                                       mark: functionNode.start)
                }
                try checkKeys(function, allowed: functionKeys, context: "'function' of release unit '\(name)'")
                var part = ReleaseUnit.Function()
                if let code = function["code"] { part.code = try codeSource(code) }
                part.resource = try logicalID(function, "resource")
                part.listKey = try string(function, "versions") ?? part.listKey
                part.prodKey = try string(function, "prod") ?? part.prodKey
                part.betaKey = try string(function, "beta")
                part.keyParameter = try string(function, "keyParameter")
                unit.function = part
            }
            if unit.api == nil && unit.function == nil {
                throw ReleaseError("release unit '\(name)' needs 'api' or 'function'", mark: pair.key.start)
            }
            units.append(unit)
        }
        return units
    }

    private static func codeSource(_ node: Node) throws(ReleaseError) -> ReleaseUnit.CodeSource {
        if case .scalar(let s) = node, !s.value.isEmpty { return .folder(s.value) }
        if let map = node.mapping, map.pairs.count == 1 {
            try checkKeys(map, allowed: ["s3Key", "imageUri"], context: "'code'")
            if let key = try string(map, "s3Key"), !key.isEmpty { return .s3Key(key) }
            if let uri = try string(map, "imageUri"), !uri.isEmpty { return .imageUri(uri) }
        }
        throw ReleaseError("'code' must be a folder path, {\"s3Key\": …} or {\"imageUri\": …}", mark: node.start)
    }

    private static func checkKeys(_ map: Node.Mapping, allowed: [String], context: String) throws(ReleaseError) {
        for pair in map.pairs {
            let key = pair.key.scalar?.value ?? ""
            if !allowed.contains(key) {
                throw ReleaseError("unknown key '\(key)' in \(context) (expected one of \(allowed.map { "'\($0)'" }.joined(separator: ", ")))",
                                   mark: pair.key.start)
            }
        }
    }

    private static func string(_ map: Node.Mapping, _ key: String) throws(ReleaseError) -> String? {
        guard let node = map[key] else { return nil }
        guard case .scalar(let s) = node, !s.value.isEmpty else {
            throw ReleaseError("'\(key)' must be a non-empty string", mark: node.start)
        }
        return s.value
    }

    private static func logicalID(_ map: Node.Mapping, _ key: String) throws(ReleaseError) -> String? {
        guard let value = try string(map, key) else { return nil }
        if !LogicalID.isValid(value) {
            throw ReleaseError("'\(key)' must be a logical ID (letters and digits)", mark: map[key]!.start)
        }
        return value
    }
}
