#!/usr/bin/env python3
"""Writes a git repository whose history has one commit per kind of breaking change.

usage: history.py DIR        (DIR must not exist; prints the manifest as JSON on stdout)

Every commit after the first changes one thing (or one family of things) that buf's
FILE, PACKAGE, WIRE_JSON or WIRE rules report. The commit's buf.yaml selects the category
under test (buf uses the input's config). The manifest lists the steps in order:
[{"step": name, "commit": sha, "use": [categories]}]. The parity test replays the same
history and compares sebuf's findings with buf's, which refresh-breaking-expectations
records in expected.json.
"""
import json
import os
import subprocess
import sys

BASE = {
    "proto/acme/pet/v1/pet.proto": """syntax = "proto3";

package acme.pet.v1;

import "google/protobuf/timestamp.proto";

option go_package = "example.com/acme/pet/v1;petv1";
option java_package = "com.acme.pet.v1";
option java_multiple_files = true;
option java_outer_classname = "PetProto";
option csharp_namespace = "Acme.Pet.V1";
option objc_class_prefix = "APX";
option php_namespace = "Acme\\\\Pet\\\\V1";
option php_metadata_namespace = "Acme\\\\Pet\\\\V1\\\\Meta";
option php_class_prefix = "AP";
option ruby_package = "Acme::Pet::V1";
option swift_prefix = "AP";
option optimize_for = SPEED;
option cc_enable_arenas = true;
option cc_generic_services = false;
option java_generic_services = false;
option py_generic_services = false;

// A pet.
message Pet {
  string id = 1;
  string name = 2;
  PetType pet_type = 3;
  int32 age = 4;
  google.protobuf.Timestamp born = 5;
  map<string, string> labels = 6;
  repeated string tags = 7;
  string nickname = 8;
  int64 weight = 9;
  oneof contact {
    string email = 10;
    string phone = 11;
  }
  string owner = 12;
  optional string note = 13;
  Toy toy = 14;
  uint32 legs = 15;
  bytes photo = 16;
  string color = 17 [json_name = "colour"];

  message Toy {
    string kind = 1;
    message Part {
      string name = 1;
    }
  }
  enum Mood {
    MOOD_UNSPECIFIED = 0;
    MOOD_HAPPY = 1;
  }
}

message Ball {
  string color = 1;
}

enum PetType {
  PET_TYPE_UNSPECIFIED = 0;
  PET_TYPE_CAT = 1;
  PET_TYPE_DOG = 2;
  PET_TYPE_FISH = 3;
}

message GetPetRequest {
  string id = 1;
}

message GetPetResponse {
  Pet pet = 1;
}

message ListPetsRequest {}

message ListPetsResponse {
  repeated Pet pets = 1;
}

service PetService {
  rpc GetPet(GetPetRequest) returns (GetPetResponse);
  rpc ListPets(ListPetsRequest) returns (ListPetsResponse);
  rpc WatchPets(ListPetsRequest) returns (stream ListPetsResponse);
  rpc DeletePet(GetPetRequest) returns (GetPetResponse);
  rpc Lookup(GetPetRequest) returns (GetPetResponse) {
    option idempotency_level = NO_SIDE_EFFECTS;
  }
}

service AdminService {
  rpc Reset(ListPetsRequest) returns (ListPetsResponse);
}
""",
    "proto/acme/pet/v1/store.proto": """syntax = "proto3";

package acme.pet.v1;

message Store {
  string id = 1;
  reserved 5, 8 to 10, 20 to max;
  reserved "legacy", "old";
  Kind kind = 2;
  enum Kind {
    KIND_UNSPECIFIED = 0;
    KIND_SHOP = 1;
  }
}

enum Region {
  option allow_alias = true;
  REGION_UNSPECIFIED = 0;
  REGION_EU = 1;
  REGION_EUROPE = 1;
  REGION_US = 2;
  reserved 10 to 20, 30;
  reserved "REGION_MARS";
}
""",
    "proto/acme/legacy/v1/legacy.proto": """syntax = "proto2";

package acme.legacy.v1;

option java_string_check_utf8 = false;

message Record {
  required string id = 1;
  optional int32 count = 2 [default = 5];
  optional string label = 3 [default = "none"];
  optional Level level = 4 [default = LEVEL_LOW];
  optional bytes blob = 5 [ctype = CORD];
  optional int64 big = 6 [jstype = JS_NORMAL];
  optional double ratio = 7 [default = 1.5];
  optional bool on = 8 [default = true];
  required int32 version = 9;
  optional string text = 10;
  extensions 100 to 199;
}

message Plain {
  optional string name = 1;
}

enum Level {
  LEVEL_LOW = 1;
  LEVEL_HIGH = 2;
}

extend Record {
  optional string note = 100;
  optional int32 rank = 101;
}

message Holder {
  extend Record {
    optional string tag = 110;
  }
}
""",
    "proto/acme/wire/v1/wire.proto": """syntax = "proto3";

package acme.wire.v1;

message Sample {
  int32 a = 1;
  int32 b = 2;
  string c = 3;
  bytes d = 4;
  int32 e = 5;
  string f = 6;
  string g = 7;
  Color h = 8;
  Inner i = 9;
  repeated int32 j = 10;
  map<string, int32> k = 11;
  int32 l = 12;
  int32 m = 13;
  int32 n = 14;
  string o = 15;
  fixed32 p = 16;
  message Inner {
    string x = 1;
  }
}

enum Color {
  COLOR_UNSPECIFIED = 0;
  COLOR_RED = 1;
  COLOR_BLUE = 2;
  COLOR_GREEN = 3;
}
""",
    "proto/acme/gone/v1/gone.proto": """syntax = "proto3";

package acme.gone.v1;

message Ghost {
  string id = 1;
}

service GhostService {
  rpc Haunt(Ghost) returns (Ghost);
}
""",
    "proto/acme/pkg/v1/one.proto": """syntax = "proto2";

package acme.pkg.v1;

message Moved {
  optional string id = 1;
}

message Kept {
  optional string id = 1;
  extensions 10 to 20;
  message Child {
    optional string id = 1;
  }
  enum Flavor {
    FLAVOR_PLAIN = 0;
  }
}

enum Shade {
  SHADE_DARK = 0;
}

service PkgService {
  rpc Do(Kept) returns (Kept);
}

extend Kept {
  optional string extra = 10;
}

message Gone {
  optional string id = 1;
}
""",
    "proto/acme/pkg/v1/two.proto": """syntax = "proto2";

package acme.pkg.v1;

message Other {
  optional string id = 1;
}
""",
}


def buf_yaml(use):
    return "version: v2\nmodules:\n  - path: proto\nbreaking:\n  use:\n" + "".join(
        f"    - {u}\n" for u in use
    )


def edit(state, path, *pairs):
    text = state[path]
    for old, new in zip(pairs[::2], pairs[1::2]):
        if old not in text:
            raise SystemExit(f"history.py: {path}: {old!r} not found")
        text = text.replace(old, new, 1)
    state[path] = text


PET = "proto/acme/pet/v1/pet.proto"
STORE = "proto/acme/pet/v1/store.proto"
LEGACY = "proto/acme/legacy/v1/legacy.proto"
WIRE = "proto/acme/wire/v1/wire.proto"
GONE = "proto/acme/gone/v1/gone.proto"
ONE = "proto/acme/pkg/v1/one.proto"
TWO = "proto/acme/pkg/v1/two.proto"


def steps():
    """(name, use, mutate(state)) in history order."""
    return [
        ("field-type", ["FILE"], lambda s: edit(
            s, PET,
            "int32 age = 4;", "string age = 4;",
            "PetType pet_type = 3;", "Ball pet_type = 3;",
            "Toy toy = 14;", "Ball toy = 14;")),
        ("field-delete", ["FILE"], lambda s: edit(
            s, PET,
            "  string name = 2;\n", "",
            "  map<string, string> labels = 6;\n", "")),
        ("field-rename", ["FILE"], lambda s: edit(s, PET, "string nickname = 8;", "string nick_name = 8;")),
        ("json-name", ["FILE"], lambda s: edit(
            s, PET,
            '[json_name = "colour"]', '[json_name = "shade"]',
            "string owner = 12;", 'string owner = 12 [json_name = "keeper"];')),
        ("cardinality", ["FILE"], lambda s: edit(
            s, PET,
            "repeated string tags = 7;", "string tags = 7;",
            "uint32 legs = 15;", "optional uint32 legs = 15;",
            "optional string note = 13;", "string note = 13;")),
        ("oneof", ["FILE"], lambda s: edit(
            s, PET,
            "  oneof contact {\n    string email = 10;\n    string phone = 11;\n  }\n",
            "  string email = 10;\n  oneof reach {\n    string phone = 11;\n    bytes photo = 16;\n  }\n",
            "  bytes photo = 16;\n", "")),
        ("element-delete", ["FILE"], lambda s: (
            edit(s, PET,
                 "    message Part {\n      string name = 1;\n    }\n", "",
                 "  enum Mood {\n    MOOD_UNSPECIFIED = 0;\n    MOOD_HAPPY = 1;\n  }\n", "",
                 "message Ball {\n  string color = 1;\n}\n\n", "message Bell {\n  string color = 1;\n}\n\n",
                 "Ball pet_type = 3;", "Bell pet_type = 3;",
                 "Ball toy = 14;", "Bell toy = 14;",
                 "service AdminService {\n  rpc Reset(ListPetsRequest) returns (ListPetsResponse);\n}\n", ""),
            edit(s, LEGACY,
                 "message Holder {\n  extend Record {\n    optional string tag = 110;\n  }\n}\n", "message Holder {\n}\n",
                 "  optional int32 rank = 101;\n", ""))),
        ("enum-values", ["FILE"], lambda s: (
            edit(s, PET, "  PET_TYPE_FISH = 3;\n", "", "PET_TYPE_DOG = 2;", "PET_TYPE_HOUND = 2;"),
            edit(s, STORE, "  REGION_EUROPE = 1;\n", "  REGION_EUR = 1;\n"))),
        ("rpc", ["FILE"], lambda s: edit(
            s, PET,
            "  rpc DeletePet(GetPetRequest) returns (GetPetResponse);\n", "",
            "rpc GetPet(GetPetRequest) returns (GetPetResponse);", "rpc GetPet(ListPetsRequest) returns (ListPetsResponse);",
            "rpc ListPets(ListPetsRequest) returns (ListPetsResponse);", "rpc ListPets(stream ListPetsRequest) returns (stream ListPetsResponse);",
            "rpc WatchPets(ListPetsRequest) returns (stream ListPetsResponse);", "rpc WatchPets(ListPetsRequest) returns (ListPetsResponse);",
            "option idempotency_level = NO_SIDE_EFFECTS;", "option idempotency_level = IDEMPOTENT;")),
        ("file-options", ["FILE"], lambda s: edit(
            s, PET,
            'option go_package = "example.com/acme/pet/v1;petv1";', 'option go_package = "example.com/acme/pet/v2;petv2";',
            'option java_package = "com.acme.pet.v1";', 'option java_package = "com.acme.pets.v1";',
            "option java_multiple_files = true;", "option java_multiple_files = false;",
            'option java_outer_classname = "PetProto";', 'option java_outer_classname = "PetsProto";',
            'option csharp_namespace = "Acme.Pet.V1";', 'option csharp_namespace = "Acme.Pets.V1";',
            'option objc_class_prefix = "APX";', 'option objc_class_prefix = "APY";',
            'option php_namespace = "Acme\\\\Pet\\\\V1";', 'option php_namespace = "Acme\\\\Pets\\\\V1";',
            'option php_metadata_namespace = "Acme\\\\Pet\\\\V1\\\\Meta";', "",
            'option php_class_prefix = "AP";', 'option php_class_prefix = "AQ";',
            'option ruby_package = "Acme::Pet::V1";', 'option ruby_package = "Acme::Pets::V1";',
            'option swift_prefix = "AP";', 'option swift_prefix = "AQ";',
            "option optimize_for = SPEED;", "option optimize_for = CODE_SIZE;",
            "option cc_enable_arenas = true;", "option cc_enable_arenas = false;",
            "option cc_generic_services = false;", "option cc_generic_services = true;",
            "option java_generic_services = false;", "option java_generic_services = true;",
            "option py_generic_services = false;", "option py_generic_services = true;")),
        ("reserved", ["FILE"], lambda s: (
            edit(s, STORE,
                 "reserved 5, 8 to 10, 20 to max;", "reserved 5, 9, 30 to max;",
                 'reserved "legacy", "old";', 'reserved "legacy";',
                 "reserved 10 to 20, 30;", "reserved 10 to 12, 15 to 20;",
                 'reserved "REGION_MARS";', ""),
            edit(s, LEGACY, "extensions 100 to 199;", "extensions 100 to 120, 150 to 199;"))),
        ("proto2-options", ["FILE"], lambda s: edit(
            s, LEGACY,
            "option java_string_check_utf8 = false;", "option java_string_check_utf8 = true;",
            "[default = 5]", "[default = 6]",
            '[default = "none"]', '[default = "nil"]',
            "[default = LEVEL_LOW]", "[default = LEVEL_HIGH]",
            "[default = 1.5]", "[default = 2.25]",
            "[default = true]", "",
            "[ctype = CORD]", "",
            "[jstype = JS_NORMAL]", "[jstype = JS_STRING]",
            "  required int32 version = 9;\n", "",
            "optional string text = 10;", "required string text = 10;",
            "message Plain {\n", "message Plain {\n  option no_standard_descriptor_accessor = true;\n")),
        ("syntax", ["FILE"], lambda s: s.__setitem__(WIRE, s[WIRE]
            .replace('syntax = "proto3";', 'syntax = "proto2";')
            .replace("  int32 ", "  optional int32 ").replace("  string ", "  optional string ")
            .replace("  bytes ", "  optional bytes ").replace("  Color ", "  optional Color ")
            .replace("  Inner ", "  optional Inner ").replace("  fixed32 ", "  optional fixed32 ")
            .replace("    optional string x", "    optional string x"))),
        ("syntax-back", ["FILE"], lambda s: s.__setitem__(WIRE, s[WIRE]
            .replace('syntax = "proto2";', 'syntax = "proto3";').replace("  optional ", "  "))),
        ("package", ["FILE"], lambda s: edit(s, TWO, "package acme.pkg.v1;", "package acme.pkg.v2;")),
        ("package-back", ["FILE"], lambda s: edit(s, TWO, "package acme.pkg.v2;", "package acme.pkg.v1;")),
        ("file-delete", ["FILE"], lambda s: s.__setitem__(GONE, None)),
        ("package-rules", ["PACKAGE"], lambda s: (
            edit(s, ONE,
                 "message Moved {\n  optional string id = 1;\n}\n\n", "",
                 "  message Child {\n    optional string id = 1;\n  }\n", "",
                 "  enum Flavor {\n    FLAVOR_PLAIN = 0;\n  }\n", "",
                 "enum Shade {\n  SHADE_DARK = 0;\n}\n\n", "",
                 "service PkgService {\n  rpc Do(Kept) returns (Kept);\n}\n\n", "",
                 "extend Kept {\n  optional string extra = 10;\n}\n\n", "",
                 "message Gone {\n  optional string id = 1;\n}\n", ""),
            edit(s, TWO, "message Other {", "message Moved {\n  optional string id = 1;\n}\n\nmessage Other {"),
            edit(s, STORE, "  Kind kind = 2;\n", ""),
            s.__setitem__(GONE, BASE[GONE]))),
        ("package-delete", ["PACKAGE"], lambda s: s.__setitem__(GONE, None)),
        ("wire-json", ["WIRE_JSON"], lambda s: edit(
            s, WIRE,
            "  int32 a = 1;\n", "  reserved 1;\n",
            "  int32 b = 2;\n", '  reserved "b";\n',
            "  string c = 3;\n", "",
            "bytes d = 4;", "string d = 4;",
            "int32 e = 5;", "int64 e = 5;",
            "repeated int32 j = 10;", "int32 j = 10;",
            "map<string, int32> k = 11;", "repeated int32 k = 11;",
            "int32 l = 12;", "uint32 l = 12;",
            "string o = 15;", "string oo = 15;",
            "  COLOR_GREEN = 3;\n", "",
            "COLOR_BLUE = 2;", "COLOR_AZURE = 2;")),
        ("wire", ["WIRE"], lambda s: edit(
            s, WIRE,
            "int32 m = 13;", "sint32 m = 13;",
            "int64 e = 5;", "uint64 e = 5;",
            "string f = 6;", "bytes f = 6;",
            "string d = 4;", "bytes d = 4;",
            "  int32 n = 14;\n", "",
            "Inner i = 9;", "Sample i = 9;",
            "fixed32 p = 16;", "int32 p = 16;",
            "  string g = 7;\n", "  reserved 7;\n",
            "int32 j = 10;", "repeated int32 j = 10;",
            "  COLOR_RED = 1;\n", "")),
    ]


def git(cwd, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="sebuf", GIT_AUTHOR_EMAIL="sebuf@example.com",
               GIT_COMMITTER_NAME="sebuf", GIT_COMMITTER_EMAIL="sebuf@example.com",
               GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


def write(root, state, use):
    for path, text in state.items():
        full = os.path.join(root, path)
        if text is None:
            if os.path.exists(full):
                os.remove(full)
            continue
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)
    with open(os.path.join(root, "buf.yaml"), "w") as f:
        f.write(buf_yaml(use))


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    root = sys.argv[1]
    os.makedirs(root)
    git(root, "init", "-q", "-b", "main")
    state = dict(BASE)
    manifest = []
    write(root, state, ["FILE"])
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    manifest.append({"step": "base", "commit": git(root, "rev-parse", "HEAD"), "use": ["FILE"]})
    for name, use, mutate in steps():
        mutate(state)
        write(root, state, use)
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", name)
        manifest.append({"step": name, "commit": git(root, "rev-parse", "HEAD"), "use": use})
    json.dump(manifest, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
