import Foundation

/// Where a stack's rendered template is stored before CloudFormation reads it.
///
/// little stack kept every template in one bucket per account and region, `cloudformation-<account>-<region>`,
/// under `cf/<StackName>/<template file name>`; littlestack keeps the same names so both tools share a bucket.
public enum StackBucket {
    /// The default bucket name, `cloudformation-<account>-<region>`.
    /// - Parameters:
    ///   - account: the AWS account ID (from STS GetCallerIdentity).
    ///   - region: the region the stack lives in.
    public static func defaultName(account: String, region: String) -> String {
        "cloudformation-\(account)-\(region)"
    }

    /// The object key of a stack's template: `cf/<StackName>/<file name without .njk>`.
    /// - Parameters:
    ///   - stackName: the stack's name.
    ///   - templatePath: the template's path as the config names it (only its last component is used).
    public static func templateKey(stackName: String, templatePath: String) -> String {
        var file = templatePath.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? templatePath
        if file.hasSuffix(".njk"), file.count > 4 { file.removeLast(4) }
        return "cf/\(stackName)/\(file)"
    }

    /// The `TemplateURL` CloudFormation is given for an uploaded template.
    ///
    /// Against real AWS it is the virtual-hosted URL `https://<bucket>.s3.<region>.amazonaws.com/<key>`. With an
    /// endpoint override (the local emulator) it is a path-style URL on that endpoint with `127.0.0.1` spelled
    /// `localhost`: moto reads the template from its own S3 store and takes an IP host's first label as a bucket.
    /// - Parameters:
    ///   - bucket: the bucket name.
    ///   - key: the object key.
    ///   - region: the bucket's region.
    ///   - endpoint: the S3 endpoint override, or nil for AWS.
    public static func templateURL(bucket: String, key: String, region: String, endpoint: URL?) -> String {
        let path = key.split(separator: "/", omittingEmptySubsequences: false).map { percentEncode(String($0)) }
            .joined(separator: "/")
        guard let endpoint, let components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false),
              let host = components.host else {
            return "https://\(bucket).s3.\(region).amazonaws.com/\(path)"
        }
        let scheme = components.scheme ?? "http"
        let localHost = (host == "127.0.0.1" || host == "::1" || host == "[::1]") ? "localhost" : host
        let port = components.port.map { ":\($0)" } ?? ""
        var base = components.path
        while base.hasSuffix("/") { base.removeLast() }
        return "\(scheme)://\(localHost)\(port)\(base)/\(percentEncode(bucket))/\(path)"
    }

    /// RFC 3986 unreserved characters stay, everything else is %XX-encoded (S3's rule for key segments).
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
