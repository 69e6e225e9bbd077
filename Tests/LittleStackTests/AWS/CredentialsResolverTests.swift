import Foundation
import Testing

@testable import LittleStack

@Suite struct CredentialsResolverTests {
    /// A temporary HOME with optional ~/.aws/credentials and ~/.aws/config.
    struct Home {
        let path: String
        init(credentials: String? = nil, config: String? = nil) throws {
            path = try awsTemporaryFolder()
            if let credentials { try awsWrite(credentials, to: path + "/.aws/credentials") }
            if let config { try awsWrite(config, to: path + "/.aws/config") }
        }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
        func resolver(_ environment: [String: String] = [:], profile: String? = nil) -> CredentialsResolver {
            var env = environment
            env["HOME"] = path
            return CredentialsResolver(environment: env, profile: profile, roleAssumer: { request, source, region in
                // Stands in for STS: echoes what it was asked, so tests can check the chain.
                Credentials(
                    accessKeyID: "ASIA-\(request.roleSessionName)", secretAccessKey: "from-\(source.accessKeyID)",
                    sessionToken: "token-\(request.roleARN)-\(request.externalID ?? "")-\(region)")
            })
        }
    }

    static let files = (
        credentials: """
            # comment
            [default]
            aws_access_key_id = AKIDDEFAULT
            aws_secret_access_key = secret-default

            [dev]
            aws_access_key_id=AKIDDEV
            aws_secret_access_key=secret-dev
            aws_session_token=token-dev
            """,
        config: """
            [default]
            region = eu-west-1

            [profile dev]
            region = us-west-2
            s3 =
              max_concurrent_requests = 20

            [profile cfgonly]
            aws_access_key_id = AKIDCFG
            aws_secret_access_key = secret-cfg
            """
    )

    @Test func environmentComesFirst() async throws {
        let home = try Home(credentials: Self.files.credentials)
        defer { home.remove() }
        let credentials = try await home.resolver([
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secret-env", "AWS_SESSION_TOKEN": "token-env",
        ]).resolve()
        #expect(credentials == Credentials(
            accessKeyID: "AKIDENV", secretAccessKey: "secret-env", sessionToken: "token-env", source: "environment"))
    }

    @Test func explicitProfileSkipsEnvironment() async throws {
        let home = try Home(credentials: Self.files.credentials)
        defer { home.remove() }
        let credentials = try await home.resolver(
            ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secret-env"], profile: "dev"
        ).resolve()
        #expect(credentials == Credentials(
            accessKeyID: "AKIDDEV", secretAccessKey: "secret-dev", sessionToken: "token-dev",
            source: "shared credentials file profile 'dev'"))
    }

    @Test func defaultAndAWSProfile() async throws {
        let home = try Home(credentials: Self.files.credentials, config: Self.files.config)
        defer { home.remove() }
        #expect(try await home.resolver().resolve().accessKeyID == "AKIDDEFAULT")
        #expect(try await home.resolver(["AWS_PROFILE": "dev"]).resolve().accessKeyID == "AKIDDEV")
        let fromConfig = try await home.resolver(["AWS_PROFILE": "cfgonly"]).resolve()
        #expect(fromConfig.source == "config file profile 'cfgonly'")
        #expect(fromConfig.secretAccessKey == "secret-cfg")
    }

    @Test func fileLocationsFromEnvironment() async throws {
        let home = try Home()
        defer { home.remove() }
        try awsWrite("[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = s\n", to: home.path + "/elsewhere/creds")
        try awsWrite("[profile ci]\nregion = ap-south-1\n", to: home.path + "/elsewhere/conf")
        let resolver = home.resolver([
            "AWS_SHARED_CREDENTIALS_FILE": home.path + "/elsewhere/creds", "AWS_CONFIG_FILE": "~/elsewhere/conf",
            "AWS_PROFILE": "ci",
        ])
        #expect(try await resolver.resolve().accessKeyID == "AKIDCI")
        #expect(try resolver.region() == "ap-south-1")
    }

    @Test func regionOrder() throws {
        let home = try Home(config: Self.files.config)
        defer { home.remove() }
        #expect(try home.resolver(["AWS_REGION": "a", "AWS_DEFAULT_REGION": "b"]).region(explicit: "x") == "x")
        #expect(try home.resolver(["AWS_REGION": "a", "AWS_DEFAULT_REGION": "b"]).region() == "a")
        #expect(try home.resolver(["AWS_DEFAULT_REGION": "b"]).region() == "b")
        #expect(try home.resolver().region() == "eu-west-1")
        #expect(try home.resolver(profile: "dev").region() == "us-west-2")
    }

    @Test func noRegion() throws {
        let home = try Home()
        defer { home.remove() }
        let error = #expect(throws: CredentialsError.self) { try home.resolver().region() }
        #expect(
            "\(error!)"
                == "no AWS region found; tried: --region, AWS_REGION, AWS_DEFAULT_REGION, 'region' of profile 'default' in '\(home.path)/.aws/config'"
        )
    }

    @Test func nothingFoundNamesEverySource() async throws {
        let home = try Home(config: "[default]\nregion = us-east-1\n")
        defer { home.remove() }
        let error = await #expect(throws: CredentialsError.self) { try await home.resolver().resolve() }
        #expect(
            "\(error!)"
                == "no AWS credentials found for profile 'default'; tried: environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, shared credentials file '\(home.path)/.aws/credentials', config file '\(home.path)/.aws/config'"
        )
    }

    @Test func namedProfileMissing() async throws {
        let home = try Home(credentials: Self.files.credentials)
        defer { home.remove() }
        let error = await #expect(throws: CredentialsError.self) { try await home.resolver(profile: "prod").resolve() }
        #expect(
            "\(error!)"
                == "profile 'prod' not found in '\(home.path)/.aws/credentials' or '\(home.path)/.aws/config'")
    }

    @Test func partialCredentials() async throws {
        let home = try Home(credentials: "[default]\naws_access_key_id = AKID\n")
        defer { home.remove() }
        let env = await #expect(throws: CredentialsError.self) {
            try await home.resolver(["AWS_ACCESS_KEY_ID": "AKID"]).resolve()
        }
        #expect("\(env!)" == "partial credentials in the environment: 'AWS_SECRET_ACCESS_KEY' is not set")
        let file = await #expect(throws: CredentialsError.self) { try await home.resolver().resolve() }
        #expect(
            "\(file!)"
                == "partial credentials in profile 'default' of '\(home.path)/.aws/credentials': 'aws_secret_access_key' is missing"
        )
    }

    @Test func credentialProcess() async throws {
        let home = try Home()
        defer { home.remove() }
        try awsWrite(
            """
            #!/bin/sh
            echo '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "secret-proc", "SessionToken": "tok",'
            echo ' "Expiration": "2030-01-02T03:04:05Z", "Extra": "'"$1"'"}'
            """, to: home.path + "/bin/creds helper", executable: true)
        try awsWrite(
            "[profile proc]\ncredential_process = \"\(home.path)/bin/creds helper\" --arg 'a b'\n",
            to: home.path + "/.aws/config")
        let credentials = try await home.resolver(profile: "proc").resolve()
        #expect(credentials == Credentials(
            accessKeyID: "AKIDPROC", secretAccessKey: "secret-proc", sessionToken: "tok",
            expiration: Date(timeIntervalSince1970: 1_893_553_445), source: "credential_process of profile 'proc'"))
    }

    @Test func credentialProcessFailure() async throws {
        let home = try Home()
        defer { home.remove() }
        try awsWrite("#!/bin/sh\necho oops >&2\nexit 3\n", to: home.path + "/bin/fail", executable: true)
        try awsWrite("#!/bin/sh\necho '{\"Version\": 2}'\n", to: home.path + "/bin/v2", executable: true)
        try awsWrite(
            "[profile fail]\ncredential_process = \(home.path)/bin/fail --token SECRET\n"
                + "[profile v2]\ncredential_process = v2\n[profile missing]\ncredential_process = no-such-program-xyz\n",
            to: home.path + "/.aws/config")
        let failed = await #expect(throws: CredentialsError.self) { try await home.resolver(profile: "fail").resolve() }
        #expect("\(failed!)" == "credential_process 'fail' of profile 'fail' failed: it exited with status 3")
        let v2 = await #expect(throws: CredentialsError.self) {
            try await home.resolver(["PATH": home.path + "/bin"], profile: "v2").resolve()
        }
        #expect("\(v2!)" == "credential_process 'v2' of profile 'v2' failed: its output has no 'Version' 1")
        let missing = await #expect(throws: CredentialsError.self) {
            try await home.resolver(["PATH": home.path + "/bin"], profile: "missing").resolve()
        }
        #expect("\(missing!)" == "credential_process 'no-such-program-xyz' of profile 'missing' failed: program not found")
    }

    @Test func commandLineSplitting() {
        #expect(CredentialProcess.split(#"/a/b "c d" 'e f' g\ h "i\"j""#) == ["/a/b", "c d", "e f", "g h", "i\"j"])
        #expect(CredentialProcess.split("  ") == [])
    }

    @Test func assumeRoleThroughSourceProfile() async throws {
        let home = try Home(
            credentials: Self.files.credentials,
            config: """
                [profile deploy]
                role_arn = arn:aws:iam::123456789012:role/deploy
                source_profile = dev
                role_session_name = ci
                external_id = ext
                region = eu-central-1
                """)
        defer { home.remove() }
        let credentials = try await home.resolver(profile: "deploy").resolve()
        #expect(credentials == Credentials(
            accessKeyID: "ASIA-ci", secretAccessKey: "from-AKIDDEV",
            sessionToken: "token-arn:aws:iam::123456789012:role/deploy-ext-eu-central-1",
            source: "assumed role 'arn:aws:iam::123456789012:role/deploy' (profile 'deploy')"))
    }

    @Test func sourceProfileLoop() async throws {
        let home = try Home(config: """
            [profile a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = a
            """)
        defer { home.remove() }
        let error = await #expect(throws: CredentialsError.self) { try await home.resolver(profile: "a").resolve() }
        #expect("\(error!)" == "source_profile of profile 'a' loops back to itself")
    }

    @Test func configSections() {
        let file = SharedConfigFile(text: Self.files.config, kind: .config, path: "/c")
        #expect(file.profiles == [
            "default": ["region": "eu-west-1"],
            "dev": ["region": "us-west-2", "s3": ""],
            "cfgonly": ["aws_access_key_id": "AKIDCFG", "aws_secret_access_key": "secret-cfg"],
        ])
    }
}
