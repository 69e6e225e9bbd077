import Foundation

/// An error reply from an AWS service: its code (`ValidationError`, `NoSuchBucket`, `ThrottlingException`), message,
/// request ID and HTTP status.
///
/// Parsed from the Query/XML shape (`<ErrorResponse><Error><Code>`), S3's (`<Error><Code>`) and JSON's (`__type` or
/// `code`, the `x-amzn-ErrorType` header, `message`/`Message`). A body that is none of these (an HTML page) gives the
/// code `HTTP<status>` and a short excerpt of its text as the message. Built only from those fields: never from
/// request headers, signatures or credentials.
public struct AWSServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The service's endpoint prefix (`cloudformation`).
    public var service: String
    /// The error code.
    public var code: String
    /// The error message (may be empty).
    public var message: String
    /// The request ID, when the reply carried one.
    public var requestID: String?
    /// The HTTP status.
    public var status: Int

    /// Creates an error.
    public init(service: String, code: String, message: String, requestID: String? = nil, status: Int) {
        self.service = service
        self.code = code
        self.message = message
        self.requestID = requestID
        self.status = status
    }

    /// `cloudformation: ValidationError: Stack with id x does not exist (status 400, request id 1234)`.
    public var description: String {
        var text = "\(service): \(code)"
        if !message.isEmpty { text += ": \(message)" }
        text += " (status \(status)"
        if let requestID, !requestID.isEmpty { text += ", request id \(requestID)" }
        return text + ")"
    }

    /// Reads an error reply.
    /// - Parameters:
    ///   - response: the reply (any status).
    ///   - service: the service's endpoint prefix.
    /// - Returns: the error.
    public static func parse(_ response: AWSResponse, service: String) -> AWSServiceError {
        let headerRequestID = response.headers["x-amzn-requestid"] ?? response.headers["x-amz-request-id"]
        let body = response.body
        let first = body.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if first == UInt8(ascii: "<"), let tree = XMLTree.parse(body), tree.name != "html",
            let error = tree.name == "Error" ? tree : tree.find("Error"), let code = error.string("Code")
        {
            let requestID = tree.string("RequestId") ?? error.string("RequestId") ?? tree.string("RequestID")
            return AWSServiceError(
                service: service, code: code.trimmingCharacters(in: .whitespacesAndNewlines),
                message: (error.string("Message") ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                requestID: requestID ?? headerRequestID, status: response.status)
        }
        if first == UInt8(ascii: "{"),
            let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        {
            let rawCode = response.headers["x-amzn-errortype"] ?? (object["__type"] as? String)
                ?? (object["code"] as? String) ?? (object["Code"] as? String)
            let message = (object["message"] as? String) ?? (object["Message"] as? String)
                ?? (object["errorMessage"] as? String) ?? ""
            return AWSServiceError(
                service: service, code: rawCode.map(cleanJSONCode) ?? statusCode(response.status), message: message,
                requestID: headerRequestID, status: response.status)
        }
        if let rawCode = response.headers["x-amzn-errortype"] {
            return AWSServiceError(
                service: service, code: cleanJSONCode(rawCode), message: excerpt(body), requestID: headerRequestID,
                status: response.status)
        }
        return AWSServiceError(
            service: service, code: statusCode(response.status), message: excerpt(body), requestID: headerRequestID,
            status: response.status)
    }

    /// `aws.protocols#ThrottlingException:http://…` → `ThrottlingException`.
    static func cleanJSONCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return code.trimmingCharacters(in: .whitespaces)
    }

    /// The code for a reply without a parsable body (HEAD requests, HTML pages).
    static func statusCode(_ status: Int) -> String {
        switch status {
        case 301: return "PermanentRedirect"
        case 304: return "NotModified"
        case 400: return "BadRequest"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        default: return "HTTP\(status)"
        }
    }

    /// The body's text without tags, whitespace collapsed, cut at 200 characters.
    static func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(8192), as: UTF8.self)
        var out = ""
        var inTag = false
        var lastSpace = true
        for ch in text {
            if ch == "<" { inTag = true; continue }
            if ch == ">" { inTag = false; if !lastSpace { out.append(" "); lastSpace = true }; continue }
            if inTag { continue }
            if ch.isWhitespace || ch.isNewline {
                if !lastSpace { out.append(" "); lastSpace = true }
            } else {
                out.append(ch)
                lastSpace = false
            }
        }
        out = out.trimmingCharacters(in: .whitespaces)
        return out.count > 200 ? String(out.prefix(200)) + "…" : out
    }
}
