#!/usr/bin/env python3
"""Builds a git repository whose history is real: one commit per released version of a PyPI
package that ships .proto files (googleapis-common-protos: google/api, google/rpc, google/type,
google/longrunning over several years), each tagged with its version. Breaking-change parity
with buf is then checked on every consecutive pair (BreakingRealHistoryTests).

    wheel-history.py WHEEL_DIR REPO     prints the tags in order, one per line

Every wheel in WHEEL_DIR named <dist>-<version>-*.whl becomes a commit, oldest version first.
Only the .proto files are taken (and a buf.yaml v2 at the root), so each commit is exactly one
release's proto tree.
"""
import os
import shutil
import subprocess
import sys
import zipfile


def version_key(name):
    return tuple(int(p) if p.isdigit() else 0 for p in name.split("-")[1].split("."))


def git(repo, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="sebuf", GIT_AUTHOR_EMAIL="sebuf@example.invalid",
               GIT_COMMITTER_NAME="sebuf", GIT_COMMITTER_EMAIL="sebuf@example.invalid",
               GIT_AUTHOR_DATE="2020-01-01T00:00:00Z", GIT_COMMITTER_DATE="2020-01-01T00:00:00Z")
    subprocess.run(["git", "-C", repo, *args], check=True, env=env, stdout=subprocess.DEVNULL)


def main(wheel_dir, repo):
    wheels = sorted((w for w in os.listdir(wheel_dir) if w.endswith(".whl")), key=version_key)
    if len(wheels) < 2:
        sys.exit("need at least two wheels in %s" % wheel_dir)
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    for wheel in wheels:
        for entry in os.listdir(repo):
            if entry != ".git":
                shutil.rmtree(os.path.join(repo, entry))
        with zipfile.ZipFile(os.path.join(wheel_dir, wheel)) as z:
            protos = [n for n in z.namelist() if n.endswith(".proto") and n.startswith("google/")]
            if not protos:
                sys.exit("%s ships no .proto files under google/; leave it out" % wheel)
            for name in protos:
                dest = os.path.join(repo, "proto", name)
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with open(dest, "wb") as f:
                    f.write(z.read(name))
        with open(os.path.join(repo, "proto", "buf.yaml"), "w") as f:
            f.write("version: v2\n")
        tag = "v" + wheel.split("-")[1]
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "--allow-empty", "-m", wheel)
        git(repo, "tag", tag)
        print(tag)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
