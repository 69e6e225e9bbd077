import Foundation
import Testing

@testable import LittleStack

@Suite struct AWSServiceErrorTests {
    static func parse(_ status: Int, _ body: String, headers: [String: String] = [:], service: String = "cloudformation")
        -> AWSServiceError
    {
        AWSServiceError.parse(AWSResponse(status: status, headers: headers, body: Data(body.utf8)), service: service)
    }

    @Test func queryXML() {
        let error = Self.parse(
            400,
            """
            <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <Error>
                <Type>Sender</Type>
                <Code>ValidationError</Code>
                <Message>Stack with id little-example-api does not exist</Message>
              </Error>
              <RequestId>cb1c3cc4-1234</RequestId>
            </ErrorResponse>
            """)
        #expect(error == AWSServiceError(
            service: "cloudformation", code: "ValidationError",
            message: "Stack with id little-example-api does not exist", requestID: "cb1c3cc4-1234", status: 400))
        #expect(
            "\(error)"
                == "cloudformation: ValidationError: Stack with id little-example-api does not exist (status 400, request id cb1c3cc4-1234)"
        )
    }

    @Test func s3XML() {
        let error = Self.parse(
            404,
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>\
            <BucketName>nope</BucketName><RequestId>4442587FB7D0A2F9</RequestId></Error>
            """, service: "s3")
        #expect(error == AWSServiceError(
            service: "s3", code: "NoSuchBucket", message: "The specified bucket does not exist",
            requestID: "4442587FB7D0A2F9", status: 404))
    }

    @Test func s3SignatureErrorKeepsOnlyCodeAndMessage() {
        let error = Self.parse(
            403,
            "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match"
                + " the signature you provided.</Message><AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId>"
                + "<StringToSign>AWS4-HMAC-SHA256 secret-ish</StringToSign><SignatureProvided>abc123</SignatureProvided>"
                + "<CanonicalRequest>PUT /x</CanonicalRequest></Error>", service: "s3")
        #expect(
            "\(error)"
                == "s3: SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. (status 403)"
        )
    }

    @Test func jsonType() {
        let error = Self.parse(
            404, #"{"__type":"ResourceNotFoundException","message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:f"}"#,
            headers: ["x-amzn-requestid": "req-9"], service: "lambda")
        #expect(error == AWSServiceError(
            service: "lambda", code: "ResourceNotFoundException",
            message: "Function not found: arn:aws:lambda:us-east-1:123456789012:function:f", requestID: "req-9",
            status: 404))
    }

    @Test func jsonErrorTypeHeader() {
        let error = Self.parse(
            429, #"{"Message":"Too Many Requests"}"#,
            headers: ["x-amzn-errortype": "TooManyRequestsException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/"],
            service: "apigateway")
        #expect(error == AWSServiceError(
            service: "apigateway", code: "TooManyRequestsException", message: "Too Many Requests", status: 429))
    }

    @Test func jsonNamespacedType() {
        let error = Self.parse(400, #"{"__type":"com.amazon.coral.validate#ValidationException","Message":"bad"}"#)
        #expect(error.code == "ValidationException")
        #expect(error.message == "bad")
    }

    @Test func htmlBody() {
        let error = Self.parse(
            500,
            """
            <!doctype html>
            <html lang=en>
            <title>500 Internal Server Error</title>
            <h1>Internal Server Error</h1>
            <p>The server encountered an internal error and was unable to complete your request.</p>
            """)
        #expect(error == AWSServiceError(
            service: "cloudformation", code: "HTTP500",
            message: "500 Internal Server Error Internal Server Error The server encountered an internal error and was unable to complete your request.",
            status: 500))
    }

    @Test func emptyBodies() {
        #expect(Self.parse(404, "", service: "s3").code == "NotFound")
        #expect(Self.parse(403, "", service: "s3").code == "Forbidden")
        #expect(Self.parse(502, "").code == "HTTP502")
        #expect("\(Self.parse(502, ""))" == "cloudformation: HTTP502 (status 502)")
    }

    @Test func longBodyIsCut() {
        let error = Self.parse(500, String(repeating: "x", count: 500))
        #expect(error.message == String(repeating: "x", count: 200) + "…")
    }
}
