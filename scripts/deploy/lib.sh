# Shared by the deployment scripts: run a command, or with --dry-run print it (and give back a placeholder).
DRY_RUN=${DRY_RUN:-false}
# Commands' own output goes to fd 3: the terminal, or the caller of capture.
exec 3>&1

# run <placeholder> <command...>: prints the command as it would be typed; runs it unless dry-run.
run() {
  local placeholder=$1; shift
  printf '+'; printf ' %q' "$@"; printf '\n'
  if [[ "$DRY_RUN" == true ]]; then
    [[ -n "$placeholder" ]] && printf '%s\n' "$placeholder" >&3
    return 0
  fi
  "$@" >&3
}

# capture <placeholder> <command...>: the command's output (or the placeholder in a dry run).
capture() {
  local out
  out=$( { run "$@" 3>&1 1>&2; } ) || return $?
  printf '%s' "$out"
}

step() { printf '\n== %s\n' "$*" >&2; }

# The environment's ids, kept between runs (docs/deploy.md, "Second run"): .deploy/<resource group>.json, or
# $DEPLOY_STATE_DIR/<resource group>.json. Every run reads it first and writes what it learned last, so a second run
# with no environment variables keeps every id. A dry run reads it and writes nothing.
state_file() { printf '%s/%s.json' "${DEPLOY_STATE_DIR:-.deploy}" "$1"; }

# state_get <group> <key>: the value, or nothing.
state_get() {
  local file; file=$(state_file "$1")
  [[ -f "$file" ]] || return 0
  python3 -c 'import json,sys; v=json.load(open(sys.argv[1])).get(sys.argv[2]); print("" if v is None else v)' "$file" "$2"
}

# state_set <group> <key>=<value>...: merges into the file (created with its folder when missing).
state_set() {
  local group=$1; shift
  [[ "$DRY_RUN" == true ]] && return 0
  local file; file=$(state_file "$group")
  mkdir -p "$(dirname "$file")"
  python3 - "$file" "$@" <<'PY'
import json, os, sys
path, pairs = sys.argv[1], sys.argv[2:]
state = json.load(open(path)) if os.path.exists(path) else {}
for pair in pairs:
    key, _, value = pair.partition("=")
    state[key] = value
with open(path + ".tmp", "w") as out:
    json.dump(state, out, indent=2, sort_keys=True)
    out.write("\n")
os.replace(path + ".tmp", path)
PY
}

# first_of <value>...: the first that is not empty.
first_of() { local v; for v in "$@"; do [[ -n "$v" ]] && { printf '%s' "$v"; return 0; }; done; return 0; }

# deployment_output <outputs JSON> <name>: one output's value from `az deployment group … --query properties.outputs`
# (empty when the JSON is empty or lacks it).
deployment_output() { python3 -c 'import json,sys; d=json.loads(sys.argv[1] or "{}") or {}; print((d.get(sys.argv[2]) or {}).get("value") or "")' "$1" "$2"; }
