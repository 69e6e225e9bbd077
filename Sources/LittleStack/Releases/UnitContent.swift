import Foundation
import YAMLBridge

/// A code package to upload to the stack bucket before applying.
public struct CodePackage: Sendable, Equatable {
    /// The object key: `code/<StackName>/<unit>/<sha256>.zip`.
    public var key: String
    /// The deterministic zip.
    public var bytes: [UInt8]
    /// The zip's SHA-256 (hex).
    public var sha256: String
}

/// The current content of one release unit, as hashes: what decides whether an entry is appended.
public struct UnitContent: Sendable, Equatable {
    /// Function properties that do not make a new version: CloudFormation updates them without one,
    /// so a version published for them alone would be refused ("nothing changed").
    public static let unversionedProperties: Set<String> = ["Tags", "ReservedConcurrentExecutions"]

    /// The unit's name.
    public var unit: String
    /// The API's content hash, when the unit has an API.
    public var apiHash: String?
    /// The function's version hash (code plus version-relevant properties), when it has a function.
    public var versionHash: String?
    /// The code package to upload, when the code is a local folder.
    public var package: CodePackage?
    /// Template parameters to set for the apply: the code's S3 key or image URI, when the function's
    /// `Code.S3Key`/`Code.ImageUri` refers to a parameter (or `keyParameter` names one).
    public var parameterValues: [String: String]
    /// Keys to set in the unit's variable group otherwise: `codeBucket` and `codeKey`, or `imageUri`.
    public var variableValues: [String: String]

    /// Computes a unit's content from the rendered template and the files it names.
    /// - Parameters:
    ///   - unit: the unit.
    ///   - context: the stack, folders, rendered template and parameter values.
    ///   - codeFolderDefault: whether a `code/` folder beside the config is the code of a function that
    ///     declares none (true when the config has one function unit).
    /// - Returns: the hashes, package and parameter values.
    /// - Throws: `ReleaseError` when a named resource or file is missing, or the template has several
    ///   candidates and none is named.
    public static func compute(unit: ReleaseUnit, context: ReleaseContext,
                               codeFolderDefault: Bool = true) throws(ReleaseError) -> UnitContent {
        var content = UnitContent(unit: unit.name, apiHash: nil, versionHash: nil, package: nil, parameterValues: [:],
                                  variableValues: [:])
        if let api = unit.api {
            content.apiHash = try apiHash(unit: unit, api: api, context: context)
        }
        if let function = unit.function {
            try computeFunction(unit: unit, function: function, context: context,
                                codeFolderDefault: codeFolderDefault, into: &content)
        }
        return content
    }

    // MARK: - API

    private static func apiHash(unit: ReleaseUnit, api: ReleaseUnit.API,
                                context: ReleaseContext) throws(ReleaseError) -> String {
        let restApi = try pick(api.restApi, type: "AWS::ApiGateway::RestApi", key: "restApi", unit: unit,
                               context: context)
        let body = context.resource(restApi)?["Properties"]?["Body"]
        var source = api.source
        if source == nil {
            if body != nil {
                source = .body
            } else if let file = ["openapi.yaml", "openapi.json"].first(where: {
                FileManager.default.fileExists(atPath: context.templateFolder + "/" + $0) }) {
                source = .file(relative(context.templateFolder + "/" + file, to: context.configFolder))
            } else {
                throw ReleaseError("release unit '\(unit.name)': REST API '\(restApi)' has no 'Body' and there is no openapi.yaml or openapi.json beside the template; set 'source'")
            }
        }
        switch source! {
        case .body:
            guard let body else {
                throw ReleaseError("release unit '\(unit.name)': REST API '\(restApi)' has no 'Body'; set 'source' to the OpenAPI file")
            }
            return ContentHash.sha256(body)
        case .file(let file):
            let path = file.hasPrefix("/") ? file : context.configFolder + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReleaseError("OpenAPI file not found", path: path)
            }
            let node: Node
            do {
                node = path.hasSuffix(".json") ? try JSONReader.parse([UInt8](data), path: path)
                                               : try YAMLReader.parse([UInt8](data), path: path)
            } catch {
                throw ReleaseError.wrapping(error)
            }
            return ContentHash.sha256(node)
        }
    }

    // MARK: - Function

    private static func computeFunction(unit: ReleaseUnit, function: ReleaseUnit.Function, context: ReleaseContext,
                                        codeFolderDefault: Bool, into content: inout UnitContent) throws(ReleaseError) {
        let resource = try pick(function.resource, type: "AWS::Lambda::Function", key: "resource", unit: unit,
                                context: context)
        let properties = context.resource(resource)?["Properties"]?.mapping ?? Node.Mapping([])
        var code = function.code
        if code == nil, codeFolderDefault {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: context.configFolder + "/code", isDirectory: &isFolder),
               isFolder.boolValue {
                code = .folder("code/")
            }
        }

        var codeHash: String?
        var keyValue: String?
        switch code {
        case .folder(let folder)?:
            let path = folder.hasPrefix("/") ? folder : context.configFolder + "/" + folder
            let bytes = try FolderPackage.zip(folder: path.hasSuffix("/") ? String(path.dropLast()) : path)
            let sha = ContentHash.sha256(bytes)
            let key = "code/\(context.stackName)/\(unit.name)/\(sha).zip"
            content.package = CodePackage(key: key, bytes: bytes, sha256: sha)
            codeHash = sha
            keyValue = key
        case .s3Key(let key)?:
            codeHash = ContentHash.sha256("s3Key:" + key)
            keyValue = key
        case .imageUri(let uri)?:
            codeHash = ContentHash.sha256("imageUri:" + uri)
            keyValue = uri
        case nil:
            break
        }

        if let keyValue, let code {
            let image = isImage(code)
            let inferred = referencedParameter(properties["Code"]?[image ? "ImageUri" : "S3Key"])
            if let parameter = function.keyParameter ?? inferred {
                content.parameterValues[parameter] = keyValue
            } else if image {
                content.variableValues["imageUri"] = keyValue
            } else {
                // The template reads the code's location from the group (hello-api's codeBucket/codeKey).
                content.variableValues["codeBucket"] = context.bucket
                content.variableValues["codeKey"] = keyValue
            }
        }

        // What a version is made of: the code plus every property but the unversioned ones.
        var kept: [(key: Node, value: Node)] = []
        for pair in properties.pairs {
            let name = pair.key.scalar?.value ?? ""
            if unversionedProperties.contains(name) || (codeHash != nil && name == "Code") { continue }
            kept.append((key: pair.key, value: context.resolvingParameters(pair.value)))
        }
        let codeNode: Node = .scalar(Node.Scalar(codeHash ?? "", style: codeHash == nil ? .plain : .doubleQuoted))
        let version = Node.mapping(Node.Mapping([
            (key: .scalar(Node.Scalar("code")), value: codeNode),
            (key: .scalar(Node.Scalar("properties")), value: .mapping(Node.Mapping(kept))),
        ]))
        content.versionHash = ContentHash.sha256(version)
    }

    private static func isImage(_ code: ReleaseUnit.CodeSource) -> Bool {
        if case .imageUri = code { return true }
        return false
    }

    /// The parameter `node` refers to when it is `{"Ref": P}` or `!Ref P`.
    private static func referencedParameter(_ node: Node?) -> String? {
        guard let node else { return nil }
        if case .scalar(let s) = node, s.tag == "!Ref" { return s.value }
        if let map = node.mapping, map.pairs.count == 1, map.pairs[0].key.scalar?.value == "Ref" {
            return map.pairs[0].value.scalar?.value
        }
        return nil
    }

    /// The named resource (checked) or the template's only resource of `type`.
    private static func pick(_ named: String?, type: String, key: String, unit: ReleaseUnit,
                             context: ReleaseContext) throws(ReleaseError) -> String {
        if let named {
            guard context.resource(named)?["Type"]?.scalar?.value == type else {
                throw ReleaseError("release unit '\(unit.name)': the template has no '\(type)' named '\(named)'")
            }
            return named
        }
        let found = context.resources(ofType: type)
        guard found.count == 1 else {
            throw ReleaseError(found.isEmpty
                ? "release unit '\(unit.name)': the template has no '\(type)' resource"
                : "release unit '\(unit.name)': the template has \(found.count) '\(type)' resources; name one with '\(key)'")
        }
        return found[0]
    }

    /// `path` relative to `folder` when it is inside it, else unchanged.
    private static func relative(_ path: String, to folder: String) -> String {
        path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }
}
