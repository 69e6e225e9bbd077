import Foundation
import Testing

@testable import LittleStack

@Suite struct EndpointsTests {
    @Test func publicEndpoints() {
        let endpoints = Endpoints(environment: [:])
        #expect(endpoints.endpoint(for: .cloudFormation, region: "eu-west-1").absoluteString
            == "https://cloudformation.eu-west-1.amazonaws.com")
        #expect(endpoints.endpoint(for: .sts, region: "us-east-1").absoluteString == "https://sts.us-east-1.amazonaws.com")
        #expect(endpoints.endpoint(for: .lambda, region: "us-west-2").absoluteString == "https://lambda.us-west-2.amazonaws.com")
        #expect(endpoints.endpoint(for: .apiGateway, region: "us-west-2").absoluteString
            == "https://apigateway.us-west-2.amazonaws.com")
        #expect(endpoints.endpoint(for: .iam, region: "eu-west-1").absoluteString == "https://iam.amazonaws.com")
        #expect(endpoints.signingRegion(for: .iam, region: "eu-west-1") == "us-east-1")
        #expect(endpoints.signingRegion(for: .cloudFormation, region: "eu-west-1") == "eu-west-1")
        #expect(endpoints.endpoint(for: .cloudFormation, region: "cn-north-1").absoluteString
            == "https://cloudformation.cn-north-1.amazonaws.com.cn")
    }

    @Test func configuredEndpoints() {
        let endpoints = Endpoints(environment: [
            "AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "AWS_ENDPOINT_URL_S3": "http://localhost:9000",
            "AWS_ENDPOINT_URL_API_GATEWAY": "http://127.0.0.1:6000/base",
        ])
        #expect(endpoints.endpoint(for: .cloudFormation, region: "us-east-1").absoluteString == "http://127.0.0.1:5000")
        #expect(endpoints.endpoint(for: .s3, region: "us-east-1").absoluteString == "http://localhost:9000")
        #expect(endpoints.endpoint(for: .apiGateway, region: "us-east-1").absoluteString == "http://127.0.0.1:6000/base")
        #expect(endpoints.endpoint(for: .iam, region: "eu-west-1").absoluteString == "http://127.0.0.1:5000")
        #expect(endpoints.signingRegion(for: .iam, region: "eu-west-1") == "eu-west-1")
        let ignored = Endpoints(environment: [
            "AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true",
        ])
        #expect(ignored.endpoint(for: .sts, region: "us-east-1").absoluteString == "https://sts.us-east-1.amazonaws.com")
        let overridden = Endpoints(
            environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"],
            overrides: ["STS": URL(string: "http://127.0.0.1:7000")!])
        #expect(overridden.endpoint(for: .sts, region: "us-east-1").absoluteString == "http://127.0.0.1:7000")
    }

    @Test func s3Addressing() {
        let aws = Endpoints(environment: [:])
        #expect(aws.s3Bucket("cloudformation-acme-us-east-1", region: "us-east-1") == .init(
            url: URL(string: "https://cloudformation-acme-us-east-1.s3.us-east-1.amazonaws.com")!, pathPrefix: "",
            isPathStyle: false))
        #expect(aws.s3Bucket("my.dotted.bucket", region: "eu-west-1") == .init(
            url: URL(string: "https://s3.eu-west-1.amazonaws.com")!, pathPrefix: "/my.dotted.bucket", isPathStyle: true))
        let local = Endpoints(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
        #expect(local.s3Bucket("b", region: "us-east-1") == .init(
            url: URL(string: "http://127.0.0.1:5000")!, pathPrefix: "/b", isPathStyle: true))
        #expect(local.templateURL(bucket: "b", key: "cf/s/root.json", region: "us-east-1")
            == "https://b.s3.amazonaws.com/cf/s/root.json")
        #expect(aws.templateURL(bucket: "b", key: "cf/my stack/root.json", region: "eu-west-1")
            == "https://b.s3.eu-west-1.amazonaws.com/cf/my%20stack/root.json")
    }

    @Test func requestJoinsEndpointPath() throws {
        let client = AWSClient(
            credentials: Credentials(accessKeyID: "a", secretAccessKey: "b"), region: "us-east-1",
            endpoints: Endpoints(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:6000/base/"]))
        let request = try client.request(.lambda, method: "GET", path: "/2015-03-31/functions/f", query: [("Marker", "a b")])
        #expect(request.url?.absoluteString == "http://127.0.0.1:6000/base/2015-03-31/functions/f?Marker=a%20b")
        #expect(request.hostHeader == "127.0.0.1:6000")
    }

    @Test func regionMustBeAHostLabel() throws {
        let client = AWSClient(
            credentials: Credentials(accessKeyID: "a", secretAccessKey: "b"), region: "us-east-1.evil.example/x",
            endpoints: Endpoints(environment: [:]))
        let error = #expect(throws: AWSClientError.self) { try client.request(.sts, method: "POST") }
        #expect(error == .invalidRegion("us-east-1.evil.example/x"))
        #expect("\(error!)" == "invalid region 'us-east-1.evil.example/x'")
    }
}

/// `endpoint_url`, `services` sections and `ignore_configured_endpoint_urls` in the aws cli's config file.
@Suite struct ConfigFileEndpointsTests {
    static let config = """
        [default]
        region = us-east-1
        endpoint_url = http://127.0.0.1:5000
        services = local
        s3 =
          addressing_style = path

        [profile ignoring]
        endpoint_url = http://127.0.0.1:5000
        ignore_configured_endpoint_urls = true

        [services local]
        cloudformation =
          endpoint_url = http://127.0.0.1:5001
        api_gateway =
          endpoint_url = http://127.0.0.1:5002
        # a comment between services
        s3 =
          endpoint_url = http://localhost:5003
        """

    @Test func servicesSectionsAreParsed() {
        let file = SharedConfigFile(text: Self.config, kind: .config, path: "config")
        #expect(file.services == ["local": [
            "cloudformation": ["endpoint_url": "http://127.0.0.1:5001"],
            "api_gateway": ["endpoint_url": "http://127.0.0.1:5002"],
            "s3": ["endpoint_url": "http://localhost:5003"],
        ]])
        #expect(file.profiles["default"] == [
            "region": "us-east-1", "endpoint_url": "http://127.0.0.1:5000", "services": "local", "s3": "",
        ])
        #expect(file.profiles["local"] == nil)
    }

    @Test func profileEndpointsComeAfterTheEnvironment() throws {
        let home = try CredentialsResolverTests.Home(config: Self.config)
        defer { home.remove() }
        let endpoints = home.resolver().endpoints()
        #expect(endpoints.endpoint(for: .cloudFormation, region: "us-east-1").absoluteString == "http://127.0.0.1:5001")
        #expect(endpoints.endpoint(for: .apiGateway, region: "us-east-1").absoluteString == "http://127.0.0.1:5002")
        #expect(endpoints.endpoint(for: .s3, region: "us-east-1").absoluteString == "http://localhost:5003")
        #expect(endpoints.endpoint(for: .sts, region: "us-east-1").absoluteString == "http://127.0.0.1:5000")
        let fromEnvironment = home.resolver([
            "AWS_ENDPOINT_URL": "http://127.0.0.1:6000", "AWS_ENDPOINT_URL_LAMBDA": "http://127.0.0.1:6001",
        ]).endpoints()
        #expect(fromEnvironment.endpoint(for: .cloudFormation, region: "us-east-1").absoluteString == "http://127.0.0.1:6000")
        #expect(fromEnvironment.endpoint(for: .lambda, region: "us-east-1").absoluteString == "http://127.0.0.1:6001")
    }

    @Test func ignoringConfiguredEndpoints() throws {
        let home = try CredentialsResolverTests.Home(config: Self.config)
        defer { home.remove() }
        let ignoring = home.resolver(profile: "ignoring").endpoints()
        #expect(ignoring.endpoint(for: .sts, region: "us-east-1").absoluteString == "https://sts.us-east-1.amazonaws.com")
        let byEnvironment = home.resolver(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]).endpoints()
        #expect(byEnvironment.endpoint(for: .cloudFormation, region: "us-east-1").absoluteString
            == "https://cloudformation.us-east-1.amazonaws.com")
        let noFile = CredentialsResolver(environment: ["HOME": "/nonexistent"]).endpoints()
        #expect(noFile.endpoint(for: .s3, region: "us-east-1").absoluteString == "https://s3.us-east-1.amazonaws.com")
    }
}
