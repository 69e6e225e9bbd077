import YAMLBridge

/// The references releases depend on have the right shape: a stage's `DeploymentId` is a
/// `Ref` to a deployment and its `RestApiId` a `Ref` to a REST API; an alias's `FunctionVersion`
/// is a version's `Version` attribute (or a string); versions and aliases name a function.
enum ReleaseShapeRule {
    static let deployment = "AWS::ApiGateway::Deployment"
    static let restAPI = "AWS::ApiGateway::RestApi"
    static let function = "AWS::Lambda::Function"
    static let version = "AWS::Lambda::Version"

    static func check(_ context: inout ValidationContext) {
        for entry in context.model.resources {
            guard let type = entry.type, case .mapping(let properties)? = entry.node["Properties"] else { continue }
            switch type {
            case "AWS::ApiGateway::Stage":
                expectRef(&context, properties["DeploymentId"], "DeploymentId", of: "stage '\(entry.name)'", type: deployment)
                expectRef(&context, properties["RestApiId"], "RestApiId", of: "stage '\(entry.name)'", type: restAPI)
            case deployment:
                expectRef(&context, properties["RestApiId"], "RestApiId", of: "deployment '\(entry.name)'", type: restAPI)
            case version:
                expectFunction(&context, properties["FunctionName"], of: "version '\(entry.name)'")
            case "AWS::Lambda::Alias":
                expectFunction(&context, properties["FunctionName"], of: "alias '\(entry.name)'")
                expectVersion(&context, properties["FunctionVersion"], of: "alias '\(entry.name)'")
            default:
                break
            }
        }
    }

    /// `{"Ref": X}` with X a resource of `type` (a parameter or a literal id is fine too).
    static func expectRef(_ context: inout ValidationContext, _ node: Node?, _ property: String, of owner: String, type: String) {
        guard let node, let intrinsic = Intrinsic(node) else { return }
        switch intrinsic.name {
        case "Ref":
            guard let target = intrinsic.stringArgument, let resource = context.model.resource(target),
                  let actual = resource.type, actual != type else { return }
            context.report(.error, at: intrinsic.argument.start,
                           "'\(property)' of \(owner) refers to '\(target)', an \(actual), not an \(type)")
        case "Fn::GetAtt":
            context.report(.error, at: node.start, "'\(property)' of \(owner) must be a 'Ref' to an \(type)")
        default:
            break
        }
    }

    /// A function name: a string, a parameter, or a `Ref`/`Fn::GetAtt … Arn` of an `AWS::Lambda::Function`.
    static func expectFunction(_ context: inout ValidationContext, _ node: Node?, of owner: String) {
        guard let node, let intrinsic = Intrinsic(node) else { return }
        let target: String?
        let mark: Mark
        switch intrinsic.name {
        case "Ref":
            target = intrinsic.stringArgument
            mark = intrinsic.argument.start
        case "Fn::GetAtt":
            target = intrinsic.getAttTarget?.0
            mark = intrinsic.getAttMark ?? node.start
        default:
            return
        }
        guard let name = target, let resource = context.model.resource(name), let actual = resource.type,
              actual != function else { return }
        context.report(.error, at: mark, "'FunctionName' of \(owner) refers to '\(name)', an \(actual), not an \(function)")
    }

    /// A version number: a string, a parameter, or `Fn::GetAtt [V, Version]` of an `AWS::Lambda::Version`.
    static func expectVersion(_ context: inout ValidationContext, _ node: Node?, of owner: String) {
        guard let node, let intrinsic = Intrinsic(node) else { return }
        switch intrinsic.name {
        case "Ref":
            guard let name = intrinsic.stringArgument, let resource = context.model.resource(name) else { return }
            if resource.type == version {
                context.report(.error, at: intrinsic.argument.start,
                               "'FunctionVersion' of \(owner) must be {\"Fn::GetAtt\": [\"\(name)\", \"Version\"]}: "
                               + "a 'Ref' to a version is its ARN, not its number")
            } else {
                context.report(.error, at: intrinsic.argument.start,
                               "'FunctionVersion' of \(owner) refers to '\(name)', an \(resource.type ?? "untyped resource"), not an \(version)")
            }
        case "Fn::GetAtt":
            guard let (name, attribute) = intrinsic.getAttTarget, let resource = context.model.resource(name) else { return }
            let mark = intrinsic.getAttMark ?? node.start
            if resource.type != version {
                context.report(.error, at: mark,
                               "'FunctionVersion' of \(owner) refers to '\(name)', an \(resource.type ?? "untyped resource"), not an \(version)")
            } else if attribute != "Version" {
                context.report(.error, at: mark,
                               "'FunctionVersion' of \(owner) must be the 'Version' attribute of '\(name)', not '\(attribute)'")
            }
        default:
            break
        }
    }
}

/// A one-key mapping such as `{"Ref": "x"}` or `{"Fn::GetAtt": ["a", "b"]}`.
struct Intrinsic {
    var name: String
    var argument: Node

    /// The intrinsic `node` is, or nil for a literal.
    init?(_ node: Node) {
        guard case .mapping(let map) = node, map.pairs.count == 1 else { return nil }
        let key = JSONValue.keyText(map.pairs[0].key)
        guard key == "Ref" || key.hasPrefix("Fn::") || key == "Condition" else { return nil }
        name = key
        argument = map.pairs[0].value
    }

    /// The argument when it is a string.
    var stringArgument: String? {
        if case .scalar = argument, case .string(let s) = JSONValue(node: argument) { return s }
        return nil
    }

    /// `(resource, attribute)` of an `Fn::GetAtt` written either way.
    var getAttTarget: (String, String)? {
        switch argument {
        case .sequence(let seq) where seq.items.count == 2:
            guard case .string(let r) = JSONValue(node: seq.items[0]), case .string(let a) = JSONValue(node: seq.items[1]) else { return nil }
            return (r, a)
        case .scalar:
            guard case .string(let s) = JSONValue(node: argument), let dot = s.firstIndex(of: ".") else { return nil }
            return (String(s[..<dot]), String(s[s.index(after: dot)...]))
        default:
            return nil
        }
    }

    /// Where the `Fn::GetAtt` resource name is.
    var getAttMark: Mark? {
        if case .sequence(let seq) = argument, let first = seq.items.first { return first.start }
        return argument.start
    }
}
