#!/usr/bin/env python3
"""Byte-for-byte fidelity of amplify-modelgen against Amplify's own codegen.

Runs the reference (tools/modelgen-reference/generate.js, one node process) and amplify-modelgen
over the valid corpus, each into its own temp dir, and requires both strings of every schema to be
identical. On a mismatch it prints the first differing JSON paths (with both values) and the first
differing byte with context. It also checks that `models` survives the client recipe
(docs/MODELS.md, "How a client reads `models`"), and that every schema of
invalid/ is rejected by both, our error containing the sibling .expect substring (ignoring case).

  fidelity.py --generator build/tools/modelgen/amplify-modelgen \
              --reference tools/modelgen-reference --corpus tests/corpus/modelgen [--only SUBSTR]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

MODELS_PREFIX = 'export const schema = {'
MODELS_SUFFIX = '};'
OUTPUTS = ('.models', '.introspection.json')
TIMEOUT_SECONDS = 600
MAX_PATHS = 8


class Duplicate(Exception):
    pass


class JsonObject(list):
    """A parsed JSON object as its (key, value) pairs: key order is part of the bytes."""


def ordered_pairs(pairs):
    seen = set()
    for key, _ in pairs:
        if key in seen:
            raise Duplicate(f'duplicate key {key!r}')
        seen.add(key)
    return JsonObject(pairs)


def parse_json(text):
    return json.loads(text, object_pairs_hook=ordered_pairs)


def client_recipe(models_text):
    """uibuilder's getAmplifyDataSchema: cut before the first '{' keeping the char before it,
    delete every ';', JSON.parse."""
    start = models_text.index('{')
    return parse_json(models_text[max(start - 1, 0):].replace(';', ''))


def check_models_shape(models_text):
    """Problems with the `models` string itself, independent of the reference."""
    problems = []
    if not models_text.startswith(MODELS_PREFIX):
        problems.append(f'does not start with {MODELS_PREFIX!r}: {models_text[:40]!r}')
    if not models_text.endswith(MODELS_SUFFIX):
        problems.append(f'does not end with {MODELS_SUFFIX!r}: {models_text[-20:]!r}')
    try:
        client_recipe(models_text)
    except (ValueError, Duplicate) as error:
        problems.append(f'does not survive the client recipe: {error}')
    return problems


def json_diffs(ours, ref, path='$', out=None):
    """The first differing paths between two parsed documents, as (path, ours, ref)."""
    out = [] if out is None else out
    if len(out) >= MAX_PATHS:
        return out
    if isinstance(ours, JsonObject) and isinstance(ref, JsonObject):
        ours_keys, ref_keys = [k for k, _ in ours], [k for k, _ in ref]
        if ours_keys != ref_keys:
            out.append((path, KeyList(ours_keys), KeyList(ref_keys)))
        ref_values = dict(ref)
        for key, value in ours:
            if key in ref_values:
                json_diffs(value, ref_values[key], f'{path}.{key}', out)
        return out
    if isinstance(ours, list) and isinstance(ref, list) and \
            not isinstance(ours, JsonObject) and not isinstance(ref, JsonObject):
        for index, (a, b) in enumerate(zip(ours, ref)):
            json_diffs(a, b, f'{path}[{index}]', out)
        if len(ours) != len(ref) and len(out) < MAX_PATHS:
            index = min(len(ours), len(ref))
            out.append((f'{path}[{index}] ({len(ours)} items vs {len(ref)})',
                        ours[index] if index < len(ours) else Missing(),
                        ref[index] if index < len(ref) else Missing()))
        return out
    if type(ours) is not type(ref) or ours != ref:
        out.append((path, ours, ref))
    return out


class KeyList(list):
    """Marks a diff entry that lists an object's keys in order."""


class Missing:
    """Marks the side of a diff entry where a list item does not exist."""


def plain(value):
    if isinstance(value, JsonObject):
        return {k: plain(v) for k, v in value}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def render(value, limit=200):
    if isinstance(value, Missing):
        return '(no such item)'
    text = 'keys ' + json.dumps(value) if isinstance(value, KeyList) else json.dumps(plain(value))
    return text if len(text) <= limit else text[:limit] + '...'


def first_byte_difference(ours, ref):
    limit = min(len(ours), len(ref))
    offset = next((i for i in range(limit) if ours[i] != ref[i]), limit)
    line = ref.count('\n', 0, offset) + 1
    column = offset - (ref.rfind('\n', 0, offset) + 1) + 1
    lo, hi = max(offset - 60, 0), offset + 60
    return (f'first differing byte at offset {offset} (line {line}, column {column}); '
            f'lengths ours={len(ours)} ref={len(ref)}\n'
            f'      ours: {ours[lo:hi]!r}\n'
            f'      ref:  {ref[lo:hi]!r}')


def describe_mismatch(kind, ours, ref):
    lines = [f'    {kind} differs']
    try:
        parsed_ours = client_recipe(ours) if kind == 'models' else parse_json(ours)
        parsed_ref = client_recipe(ref) if kind == 'models' else parse_json(ref)
        diffs = json_diffs(parsed_ours, parsed_ref)
        for path, a, b in diffs:
            lines.append(f'      {path}\n        ours: {render(a)}\n        ref:  {render(b)}')
        if not diffs:
            lines.append('      same JSON value: the difference is in formatting only')
    except (ValueError, Duplicate) as error:
        lines.append(f'      (cannot parse ours as JSON: {error})')
    lines.append('    ' + first_byte_difference(ours, ref))
    return '\n'.join(lines)


def run(command, label):
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT_SECONDS, text=True)
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, f'{label}: {error}'
    return done.returncode, done.stderr.strip()


def run_generator(generator, out_dir, schemas):
    """All schemas in one run; a schema left without any output is rerun alone to report the
    crash precisely."""
    _, stderr = run([generator, '--out-dir', out_dir] + schemas, 'amplify-modelgen')
    crashes = {}
    for schema in schemas:
        if outputs_of(out_dir, schema) is not None:
            continue
        code, alone_stderr = run([generator, '--out-dir', out_dir, schema], 'amplify-modelgen')
        if outputs_of(out_dir, schema) is None:
            crashes[schema] = f'exit {code}: {alone_stderr[-400:]}'
    if crashes and stderr:
        print(f'amplify-modelgen stderr: {stderr[-2000:]}')
    return crashes


def run_reference(reference_dir, out_dir, schemas):
    script = os.path.join(reference_dir, 'generate.js')
    if not os.path.isdir(os.path.join(reference_dir, 'node_modules', '@aws-amplify')):
        sys.exit(f'fidelity: {reference_dir}/node_modules is missing; run tools/setup.sh '
                 f'(or `npm ci` in {reference_dir})')
    code, stderr = run(['node', script, '--out-dir', out_dir] + schemas, 'reference')
    if code != 0:
        sys.exit(f'fidelity: the reference runner failed (exit {code}): {stderr[-2000:]}')


def base_name(schema):
    return os.path.basename(schema)[:-len('.graphql')]


def read(path):
    """The file's text; bytes that are not UTF-8 become lone surrogates, so comparing stays
    byte-exact and is_utf8 can flag them."""
    with open(path, 'rb') as handle:
        return handle.read().decode('utf-8', errors='surrogateescape')


def is_utf8(text):
    return not any('\udc80' <= ch <= '\udcff' for ch in text)


def outputs_of(out_dir, schema):
    """('error', message) or ('ok', {ext: text}) or None when nothing was written."""
    base = os.path.join(out_dir, base_name(schema))
    if os.path.exists(base + '.error'):
        return 'error', read(base + '.error')
    if all(os.path.exists(base + ext) for ext in OUTPUTS):
        return 'ok', {ext: read(base + ext) for ext in OUTPUTS}
    return None


def compare_valid(schema, ours, ref):
    """Failure text, or None when identical."""
    name = os.path.basename(schema)
    if ref is None or ref[0] == 'error':
        detail = ref[1] if ref else 'no output'
        return f'FAIL {name}: the reference rejects this valid-corpus schema: {detail}'
    if ours is None:
        return f'FAIL {name}: amplify-modelgen wrote nothing'
    if ours[0] == 'error':
        return f'FAIL {name}: amplify-modelgen rejected it: {ours[1]}'
    problems = [f'    models {p}' for p in check_models_shape(ours[1]['.models'])]
    problems += [f'    {ext} is not valid UTF-8' for ext, text in ours[1].items() if not is_utf8(text)]
    for ext, kind in (('.models', 'models'), ('.introspection.json', 'modelIntrospectionSchema')):
        if ours[1][ext] != ref[1][ext]:
            problems.append(describe_mismatch(kind, ours[1][ext], ref[1][ext]))
    return f'FAIL {name}\n' + '\n'.join(problems) if problems else None


def compare_invalid(schema, ours, ref):
    name = 'invalid/' + os.path.basename(schema)
    expect_path = schema[:-len('.graphql')] + '.expect'
    expected = read(expect_path).strip() if os.path.exists(expect_path) else None
    problems = []
    if expected is None:
        problems.append(f'missing {os.path.basename(expect_path)}')
    if ref is None or ref[0] != 'error':
        problems.append('the reference accepts it (it does not belong in invalid/)')
    if ours is None:
        problems.append('amplify-modelgen wrote nothing')
    elif ours[0] != 'error':
        problems.append('amplify-modelgen accepted it')
    elif expected is not None and expected.lower() not in ours[1].lower():
        problems.append(f'our error {ours[1]!r} does not contain {expected!r}')
    return f'FAIL {name}: ' + '; '.join(problems) if problems else None


def list_schemas(directory, only):
    if not os.path.isdir(directory):
        return []
    names = sorted(n for n in os.listdir(directory) if n.endswith('.graphql'))
    return [os.path.join(directory, n) for n in names if not only or only in n]


def generate(args, work, kind, schemas):
    """Runs both generators over one corpus part; returns (ours_dir, ref_dir, crashes)."""
    ours_dir, ref_dir = os.path.join(work, kind, 'ours'), os.path.join(work, kind, 'reference')
    os.makedirs(ours_dir)
    os.makedirs(ref_dir)
    if schemas:
        run_reference(args.reference, ref_dir, schemas)
        return ours_dir, ref_dir, run_generator(os.path.abspath(args.generator), ours_dir, schemas)
    return ours_dir, ref_dir, {}


def check_all(args, work, kind, schemas, compare):
    """Failure texts and the number of schemas that passed."""
    ours_dir, ref_dir, crashes = generate(args, work, kind, schemas)
    failures = [f'FAIL {os.path.basename(schema)}: amplify-modelgen crashed: {message}'
                for schema, message in crashes.items()]
    passed = 0
    for schema in schemas:
        if schema in crashes:
            continue
        failure = compare(schema, outputs_of(ours_dir, schema), outputs_of(ref_dir, schema))
        if failure:
            failures.append(failure)
        else:
            passed += 1
    return failures, passed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--generator', required=True, help='the amplify-modelgen binary')
    parser.add_argument('--reference', required=True, help='tools/modelgen-reference')
    parser.add_argument('--corpus', required=True, help='tests/corpus/modelgen')
    parser.add_argument('--only', help='only schemas whose file name contains this')
    parser.add_argument('--keep', action='store_true', help='keep the output dirs and print them')
    args = parser.parse_args()

    if not os.access(args.generator, os.X_OK):
        sys.exit(f'fidelity: {args.generator} is not an executable (build amplify-modelgen first)')
    valid = list_schemas(args.corpus, args.only)
    invalid = list_schemas(os.path.join(args.corpus, 'invalid'), args.only)
    if not valid and not invalid:
        sys.exit(f'fidelity: no schema in {args.corpus}')
    work = tempfile.mkdtemp(prefix='modelgen-fidelity.')
    try:
        valid_failures, identical = check_all(args, work, 'valid', valid, compare_valid)
        invalid_failures, rejected = check_all(args, work, 'invalid', invalid, compare_invalid)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    for failure in valid_failures + invalid_failures:
        print(failure)
    print(f'modelgen fidelity: {identical} identical of {len(valid)} valid schemas; '
          f'{rejected} of {len(invalid)} invalid schemas rejected as expected')
    if args.keep:
        print(f'outputs kept in {work}')
    return 1 if valid_failures or invalid_failures else 0


if __name__ == '__main__':
    sys.exit(main())
