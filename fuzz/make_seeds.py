#!/usr/bin/env python3
"""Writes the seed corpora of fuzz/corpus/ (fuzz/README.md). Run by hand, never by CI; the output
is committed.

The HTTP, router, JSON and SigV4 seeds are requests as boto3 really sends them: every operation
of the model is called once, with realistic parameters, against a local socket that records the
raw bytes and answers `{}`. A few hand-written requests add what boto3 never sends (chunked bodies,
pipelining, 100-continue, HTTP/1.0, CORS preflight). The schema targets are seeded by
tools/fuzz.sh from the modelgen corpus (tests/corpus/modelgen) at run time; only schemas that are
not in it are written here.
"""
import os
import shutil
import socket
import threading

import boto3
from botocore.config import Config

FUZZ_DIR = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(FUZZ_DIR, "corpus")

SCHEMA = ("type Todo @model @auth(rules: [{allow: owner}, {allow: public, operations: [read]}]) {\n"
          "  id: ID!\n  name: String!\n  done: Boolean\n}\n")
AUTH = {
    "AuthResources": "IDENTITY_POOL_AND_USER_POOL", "Service": "COGNITO",
    "IdentityPoolConfigs": {"IdentityPoolName": "notesIdentity", "UnauthenticatedLogin": True},
    "UserPoolConfigs": {
        "UserPoolName": "notesUsers", "SignInMethod": "EMAIL",
        "RequiredSignUpAttributes": ["EMAIL", "NAME"],
        "PasswordPolicy": {"MinimumLength": 10, "AdditionalConstraints": ["REQUIRE_UPPERCASE"]},
        "Mfa": {"MFAMode": "OPTIONAL", "Settings": {"MfaTypes": ["TOTP"], "SmsMessage": "{####}"}},
        "ForgotPassword": {"DeliveryMethod": "EMAIL",
                           "EmailSettings": {"EmailMessage": "Code {####}", "EmailSubject": "Reset"}},
        "OAuth": {"DomainPrefix": "notes", "OAuthGrantType": "CODE",
                  "OAuthScopes": ["EMAIL", "OPENID"],
                  "RedirectSignInURIs": ["https://notes.example.org/in"],
                  "RedirectSignOutURIs": ["https://notes.example.org/out"],
                  "SocialProviderSettings": {"Google": {"ClientId": "g-id", "ClientSecret": "g-s"}}},
    },
}
API = {"ApiName": "notesapi", "Service": "AppSync", "TransformSchema": SCHEMA,
       "DefaultAuthType": {"Mode": "API_KEY", "Settings": {"ExpirationTime": 7, "Description": "k"}},
       "AdditionalAuthTypes": [{"Mode": "AWS_IAM"}],
       "ConflictResolution": {"ResolutionStrategy": "OPTIMISTIC_CONCURRENCY"}}
STORAGE = {"ServiceName": "S3", "BucketName": "notes-files",
           "Permissions": {"Authenticated": ["READ", "CREATE_AND_UPDATE"], "UnAuthenticated": ["READ"]}}
APP = dict(AppId="d3n0tes9x")
ENV = dict(APP, BackendEnvironmentName="staging")

# One call per operation: (method name, parameters).
CALLS = [
    ("clone_backend", dict(ENV, TargetEnvironmentName="prod")),
    ("create_backend", dict(APP, AppName="Notes", BackendEnvironmentName="staging",
                            ResourceConfig={}, ResourceName="notes")),
    ("create_backend_api", dict(ENV, ResourceName="notesapi", ResourceConfig=API)),
    ("create_backend_auth", dict(ENV, ResourceName="notesauth", ResourceConfig=AUTH)),
    ("create_backend_config", dict(APP, BackendManagerAppId="d3n0tes9x")),
    ("create_backend_storage", dict(ENV, ResourceName="notesfiles", ResourceConfig=STORAGE)),
    ("create_token", APP),
    ("delete_backend", ENV),
    ("delete_backend_api", dict(ENV, ResourceName="notesapi")),
    ("delete_backend_auth", dict(ENV, ResourceName="notesauth")),
    ("delete_backend_storage", dict(ENV, ResourceName="notesfiles", ServiceName="S3")),
    ("delete_token", dict(APP, SessionId="5f0c2b7e-91aa-4c1e-b7d4-0a9e3c6f1d22")),
    ("generate_backend_api_models", dict(ENV, ResourceName="notesapi")),
    ("get_backend", ENV),
    ("get_backend_api", dict(ENV, ResourceName="notesapi")),
    ("get_backend_api_models", dict(ENV, ResourceName="notesapi")),
    ("get_backend_auth", dict(ENV, ResourceName="notesauth")),
    ("get_backend_job", dict(ENV, JobId="8a1d0c55-3e4f-4b6a-9c2d-7f1e0b3a5c44")),
    ("get_backend_storage", dict(ENV, ResourceName="notesfiles")),
    ("get_token", dict(APP, SessionId="5f0c2b7e-91aa-4c1e-b7d4-0a9e3c6f1d22")),
    ("import_backend_auth", dict(ENV, UserPoolId="us-east-1_Ab12Cd34", NativeClientId="native1",
                                 WebClientId="web1", IdentityPoolId="us-east-1:1b2c")),
    ("import_backend_storage", dict(ENV, BucketName="notes-existing", ServiceName="S3")),
    ("list_backend_jobs", dict(ENV, MaxResults=10, Operation="CreateBackendAuth",
                               Status="COMPLETED", NextToken="eyJvZmZzZXQiOjEwfQ==")),
    ("list_s3_buckets", dict(NextToken="bnVtYmVyOjI=")),
    ("remove_all_backends", dict(APP, CleanAmplifyApp=True)),
    ("remove_backend_config", APP),
    ("update_backend_api", dict(ENV, ResourceName="notesapi",
                                ResourceConfig=dict(API, TransformSchema=SCHEMA + "type Tag { n: Int }"))),
    ("update_backend_auth", dict(ENV, ResourceName="notesauth", ResourceConfig={
        "AuthResources": "USER_POOL_ONLY", "Service": "COGNITO",
        "UserPoolConfigs": {"Mfa": {"MFAMode": "OFF"}, "PasswordPolicy": {"MinimumLength": 12}}})),
    ("update_backend_config", dict(APP, LoginAuthConfig={
        "AwsCognitoIdentityPoolId": "us-east-1:1b2c", "AwsCognitoRegion": "us-east-1",
        "AwsUserPoolsId": "us-east-1_Ab12Cd34", "AwsUserPoolsWebClientId": "web1"})),
    ("update_backend_job", dict(ENV, JobId="8a1d0c55-3e4f-4b6a-9c2d-7f1e0b3a5c44",
                                Operation="CreateBackendAuth", Status="CANCELLED")),
    ("update_backend_storage", dict(ENV, ResourceName="notesfiles", ResourceConfig={
        "ServiceName": "S3", "Permissions": {"Authenticated": ["READ", "DELETE"]}})),
]

# What boto3 does not send: each a whole byte stream as a client could write it.
HAND_WRITTEN = {
    "chunked_create_backend.http":
        b"POST /backend HTTP/1.1\r\nHost: localhost:4566\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n1a\r\n{\"appId\":\"a1\",\"appName\":\"\r\n"
        b"22\r\nN\",\"backendEnvironmentName\":\"dev\"}\r\n0\r\n\r\n",
    "chunked_with_extension_and_trailer.http":
        b"POST /prod/backend/a1/details HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"2;name=value\r\n{}\r\n0\r\nX-Trailer: t\r\n\r\n",
    "pipelined_get_then_post.http":
        b"GET /backend/a1/job/dev/j1 HTTP/1.1\r\nHost: h\r\n\r\n"
        b"POST /backend/a1/details HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}",
    "expect_continue.http":
        b"POST /backend/a1/api HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n"
        b"Content-Length: 27\r\n\r\n{\"resourceName\":\"notesapi\"}",
    "http10_keep_alive.http":
        b"POST /backend/a1/details HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n",
    "cors_preflight.http":
        b"OPTIONS /prod/backend/a1/details HTTP/1.1\r\nHost: h\r\nOrigin: https://admin.example.com\r\n"
        b"Access-Control-Request-Method: POST\r\n"
        b"Access-Control-Request-Headers: authorization,content-type,x-amz-date\r\n\r\n",
    "head_health.http": b"HEAD /_health HTTP/1.1\r\nHost: h\r\n\r\n",
}
ROUTER_EXTRA = [
    "GET /backend/my%20app%2F1/job/dev/j%2D1", "POST /backend/..%2F../details",
    "POST /backend/%E2%9C%93app/environments/%C3%A9t%C3%A9/clone", "POST /backend//details",
    "POST /backend/a1/details?x=1&y=%2", "GET /backend/a1/details", "POST /prod/s3Buckets",
    "POST /prod/prod/backend/a1/details", "DELETE /backend", "POST /backend/a%zz/details",
]
# Bodies the reader must refuse or clean up: nulls (dropped), wrong types, a non-object, bad JSON.
JSON_EXTRA = [
    'CreateBackend\n{"appName":"N","backendEnvironmentName":"dev","resourceName":null,'
    '"resourceConfig":{"x":null}}',
    'ListBackendJobs\n{"maxResults":1.5e1,"status":["COMPLETED"],"nextToken":null}',
    'CreateBackendStorage\n{"backendEnvironmentName":"dev","resourceName":"s",'
    '"resourceConfig":{"serviceName":"S3","permissions":{"authenticated":[null,"READ"]}}}',
    'GetBackend\n[]', 'GetBackend\n', 'GetBackend\n{"backendEnvironmentName":"\\ud83d\\ude00"}',
    'UpdateBackendConfig\n{"loginAuthConfig":{"awsCognitoRegion":"us-east-1"}, }',
]
SIGV4_EXTRA = [
    "AWS4-HMAC-SHA256 Credential=123456789012/20260115/eu-west-1/amplifybackend/aws4_request, "
    "SignedHeaders=host;x-amz-date, Signature=" + "0" * 64,
    "AWS4-HMAC-SHA256 Credential=AKID/20260115/us-west-2/amplifybackend/aws4_request",
    "AWS4-HMAC-SHA256 Credential=AKID/20260115//amplifybackend/aws4_request, Signature=ab",
    "AWS4-HMAC-SHA256 SignedHeaders=host, Credential=AKID/2026/ap-south-1/s3/aws4_request",
    "AWS4-HMAC-SHA1 Credential=AKID/20260115/us-east-1/amplifybackend/aws4_request",
    "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x",
]
# Schemas that found a problem once: a lone surrogate escape, which the introspection JSON keeps
# as `\udbdd` like JSON.stringify (the fuzz check had to learn to read it).
SCHEMA_EXTRA = {
    "codegen_models": {
        "lone_surrogate_in_index.graphql": 'type S @model { n: S @index(sortKeyFields: ["\\udbDd"]) }\n',
    },
}


def read_request(conn):
    """One whole request off the socket (boto3 always sends Content-Length)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        body += conn.recv(65536)
    return head + b"\r\n\r\n" + body


def capture(listener, captured):
    while True:
        conn, _ = listener.accept()
        with conn:
            captured.append(read_request(conn))
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")


def boto3_requests(prefix):
    listener = socket.create_server(("127.0.0.1", 0))
    captured = []
    threading.Thread(target=capture, args=(listener, captured), daemon=True).start()
    client = boto3.client("amplifybackend", region_name="us-east-1",
                          endpoint_url="http://127.0.0.1:%d%s" % (listener.getsockname()[1], prefix),
                          aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                          config=Config(retries={"total_max_attempts": 1}))
    requests = []
    for method, params in CALLS:
        getattr(client, method)(**params)
        requests.append((client.meta.method_to_api_mapping[method], captured.pop()))
    return requests


def write(target, name, data):
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def main():
    for target in ("http_request", "router", "json_request", "sigv4", *SCHEMA_EXTRA):
        shutil.rmtree(os.path.join(CORPUS, target), ignore_errors=True)
    for prefix in ("", "/prod"):
        for operation, raw in boto3_requests(prefix):
            head, _, body = raw.partition(b"\r\n\r\n")
            lines = head.decode().split("\r\n")
            stage = "prod_" if prefix else ""
            write("http_request", stage + operation + ".http", raw)
            write("router", stage + operation + ".txt", lines[0].rsplit(" ", 1)[0])
            if not prefix and body:
                write("json_request", operation + ".txt", operation.encode() + b"\n" + body)
            auth = [l.split(": ", 1)[1] for l in lines if l.lower().startswith("authorization:")]
            if not prefix and operation in ("CreateBackend", "GetBackendJob"):
                write("sigv4", operation + ".txt", auth[0])
    for name, data in HAND_WRITTEN.items():
        write("http_request", name, data)
    for i, line in enumerate(ROUTER_EXTRA):
        write("router", "extra_%02d.txt" % i, line)
    for i, body in enumerate(JSON_EXTRA):
        write("json_request", "extra_%02d.txt" % i, body)
    for i, header in enumerate(SIGV4_EXTRA):
        write("sigv4", "extra_%02d.txt" % i, header)
    for target, schemas in SCHEMA_EXTRA.items():
        for name, text in schemas.items():
            write(target, name, text)


if __name__ == "__main__":
    main()
