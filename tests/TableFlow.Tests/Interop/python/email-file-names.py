"""Reads a multipart/form-data body from stdin and prints, as JSON, each file part's field name and file name in the
order they arrived, read by two of Python's parsers (standard library only):

  params:  the part's Content-Disposition line decoded as latin-1, split and unquoted by
           email.message.Message.get_params, the name's bytes then read as UTF-8: what python-multipart's
           parse_options_header does (it vendors the same split and unquoting) and Starlette/FastAPI then decode.
  default: the whole body parsed by email's BytesParser with policy.default, the name from the parsed
           Content-Disposition header's params.

Usage: python3 email-file-names.py "<Content-Type header>" < body
"""
import email
import email.policy
import json
import sys
from email.message import Message


def by_params(content_type, body):
    boundary = Message()
    boundary["content-type"] = content_type
    delimiter = b"--" + boundary.get_param("boundary").encode("latin-1")
    files = []
    for segment in body.split(delimiter)[1:]:
        if segment.startswith(b"--"):
            break
        head = segment[2:].split(b"\r\n\r\n", 1)[0].decode("latin-1")
        for line in head.split("\r\n"):
            name, _, value = line.partition(":")
            if name.strip().lower() != "content-disposition":
                continue
            header = Message()
            header["content-disposition"] = value.strip()
            params = dict(header.get_params(header="content-disposition")[1:])
            if "filename" in params:
                files.append({"field": params["name"], "fileName": params["filename"].encode("latin-1").decode("utf-8")})
    return files


def by_default_policy(content_type, body):
    message = email.message_from_bytes(b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body, policy=email.policy.default)
    files = []
    for part in message.iter_parts():
        disposition = part["Content-Disposition"]
        if "filename" in disposition.params:
            files.append({"field": disposition.params["name"], "fileName": disposition.params["filename"]})
    return files


if len(sys.argv) != 2:
    sys.exit('usage: python3 email-file-names.py "<Content-Type>" < body')
content_type = sys.argv[1]
body = sys.stdin.buffer.read()
json.dump({"params": by_params(content_type, body), "default": by_default_policy(content_type, body)}, sys.stdout, ensure_ascii=True)
