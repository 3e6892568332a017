#!/usr/bin/env bash
# Tiergate's release path: build, package, migrate, install beside the previous releases, switch
# atomically, (re)start under pm2, health-check, and roll back by itself when the check fails.
#
#   ./scripts/deploy_together_ai.sh --environment development|staging|production [options]
#
# Run ./scripts/deploy_together_ai.sh --help for the options and the settings it reads.
set -Eeuo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_DIR
readonly KEEP_RELEASES="${DEPLOY_KEEP_RELEASES:-5}"
readonly HEALTH_TIMEOUT="${DEPLOY_HEALTH_TIMEOUT:-60}"

ENVIRONMENT=""
DRY_RUN=0
ROLLBACK=0
CONFIRMED=0
ENV_FILE=""
DEPLOY_ROOT="${DEPLOY_ROOT:-}"

usage() {
  cat <<'EOF'
Usage: scripts/deploy_together_ai.sh --environment development|staging|production [options]

Options:
  --environment NAME   development, staging or production (required)
  --dry-run            print every step and command, change nothing
  --rollback           return to the previous release (and restart it)
  --yes                confirm a production deploy (not needed under CI=true)
  --env-file PATH      the environment's settings (default: deploy/<environment>.env; else the
                       process environment). Never commit it.
  --root PATH          where releases live (default: $DEPLOY_ROOT, else /opt/tiergate/<environment>)
  --help               this text

Settings it reads besides the app's (all optional):
  DEPLOY_ROOT, DEPLOY_KEEP_RELEASES (5), DEPLOY_HEALTH_TIMEOUT (60 s), API_INSTANCES (2),
  DEPLOY_SKIP_TYPECHECK=1 (compile without the type check, for fast test deploys)

Steps, each logged with its time; the first failure stops the deploy with a non-zero exit code:
  1. preflight   tools, a clean work tree (production), the settings checked by the app itself
  2. package     build, then tiergate-<version>-<commit>-<time>.tar.gz and its .sha256
  3. migrate     the new release's migrations against the environment's database
  4. switch      install beside the previous releases, point `current` at it, keep the last few
  5. processes   api (pm2 cluster, zero-downtime reload) and worker
  6. health      /health/ready until it passes; otherwise back to the previous release
EOF
}

log() { printf '%s [deploy:%s] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${ENVIRONMENT:-?}" "$*"; }
fail() {
  log "FAILED: $*"
  exit 1
}

# Every command that changes something goes through run: printed, and skipped with --dry-run.
run() {
  if ((DRY_RUN)); then
    log "[dry-run] $*"
  else
    "$@"
  fi
}

step() {
  STEP_NAME="$1"
  STEP_STARTED=$(date +%s)
  log "step ${STEP_NAME}: started"
}

step_done() {
  log "step ${STEP_NAME}: done in $(($(date +%s) - STEP_STARTED)) s"
}

parse_args() {
  while (($#)); do
    case "$1" in
      --environment) ENVIRONMENT="${2:-}"; shift 2 ;;
      --environment=*) ENVIRONMENT="${1#*=}"; shift ;;
      --dry-run) DRY_RUN=1; shift ;;
      --rollback) ROLLBACK=1; shift ;;
      --yes) CONFIRMED=1; shift ;;
      --env-file) ENV_FILE="${2:-}"; shift 2 ;;
      --root) DEPLOY_ROOT="${2:-}"; shift 2 ;;
      --help | -h) usage; exit 0 ;;
      *) usage >&2; fail "unknown option: $1" ;;
    esac
  done
  case "$ENVIRONMENT" in
    development | staging | production) ;;
    "") usage >&2; fail "--environment is required" ;;
    *) fail "--environment must be development, staging or production (got: $ENVIRONMENT)" ;;
  esac
  DEPLOY_ROOT="${DEPLOY_ROOT:-/opt/tiergate/${ENVIRONMENT}}"
  ENV_FILE="${ENV_FILE:-${REPO_DIR}/deploy/${ENVIRONMENT}.env}"
}

load_settings() {
  if [[ -f "$ENV_FILE" ]]; then
    log "settings from ${ENV_FILE}"
    set -a
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    set +a
  else
    log "no ${ENV_FILE}: settings from the process environment"
  fi
  export PORT="${PORT:-3000}"
  export DATA_DIR="${DATA_DIR:-${DEPLOY_ROOT}/shared/data}"
  export PM2_HOME="${DEPLOY_ROOT}/pm2"
}

preflight() {
  step preflight
  local tool
  for tool in node npm git tar sha256sum curl; do
    command -v "$tool" >/dev/null || fail "${tool} is not installed"
  done
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  ((node_major >= 20)) || fail "Node.js 20 or later is required (found $(node -v))"
  log "node $(node -v), npm $(npm -v), git $(git --version | cut -d' ' -f3)"
  if [[ "$ENVIRONMENT" == production ]]; then
    [[ "${CI:-}" == true || "$CONFIRMED" == 1 ]] || fail "production needs --yes (or a CI run)"
    [[ -z "$(git -C "$REPO_DIR" status --porcelain)" ]] || fail "uncommitted changes: commit or stash them first"
  fi
  [[ -d "$REPO_DIR/node_modules" ]] || run npm --prefix "$REPO_DIR" install --no-audit --no-fund
  run npm --prefix "$REPO_DIR" run --silent compile
  if ((!DRY_RUN)); then
    node "$REPO_DIR/dist/libs/config/src/cli/check-config.js" api worker ||
      fail "the ${ENVIRONMENT} settings are incomplete or wrong (listed above)"
  fi
  step_done
}

package_release() {
  step package
  local version commit
  version="$(node -p "require('${REPO_DIR}/package.json').version")"
  commit="$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo nogit)"
  RELEASE="tiergate-${version}-${commit}-$(date -u +%Y%m%d%H%M%S)"
  PACKAGE="${DEPLOY_ROOT}/packages/${RELEASE}.tar.gz"
  if [[ "${DEPLOY_SKIP_TYPECHECK:-0}" != 1 ]]; then run npm --prefix "$REPO_DIR" run --silent typecheck; fi
  run mkdir -p "${DEPLOY_ROOT}/packages"
  run tar -czf "$PACKAGE" -C "$REPO_DIR" dist package.json package-lock.json
  if ((!DRY_RUN)); then (cd "${DEPLOY_ROOT}/packages" && sha256sum "${RELEASE}.tar.gz" >"${RELEASE}.tar.gz.sha256"); fi
  log "release ${RELEASE}"
  step_done
}

# Writes the release's settings file (0600) and its pm2 ecosystem file into $1; the processes
# will run from $2 (where the release is moved once it has migrated).
write_release_files() {
  local dir="$1" final="$2" names
  names="$(grep -oE '^#? *[A-Z][A-Z0-9_]+=' "${REPO_DIR}/.env.example" | tr -d '#= ' | sort -u)"
  (
    umask 077
    local name
    for name in $names NODE_ENV; do
      if [[ -n "${!name:-}" ]]; then printf '%s=%s\n' "$name" "${!name}"; fi
    done >"${dir}/.env"
  )
  cat >"${dir}/ecosystem.config.js" <<EOF
// Written by deploy_together_ai.sh for ${RELEASE}.
const cwd = '${final}';
const nodeArgs = ['--env-file=' + cwd + '/.env'];
module.exports = {
  apps: [
    { name: 'tiergate-${ENVIRONMENT}-api', cwd, script: 'dist/apps/api/src/main.js', node_args: nodeArgs,
      exec_mode: 'cluster', instances: ${API_INSTANCES:-2}, listen_timeout: 30000, kill_timeout: 10000 },
    { name: 'tiergate-${ENVIRONMENT}-worker', cwd, script: 'dist/apps/worker/src/main.js', node_args: nodeArgs,
      exec_mode: 'fork', instances: 1, kill_timeout: 15000 },
  ],
};
EOF
}

migrate_release() {
  step migrate
  STAGING="${DEPLOY_ROOT}/releases/.${RELEASE}"
  run mkdir -p "$STAGING"
  run tar -xzf "$PACKAGE" -C "$STAGING"
  local previous_modules
  previous_modules="$(current_release)/node_modules"
  if [[ -d "$previous_modules" ]] && cmp -s "$(current_release)/package-lock.json" "${REPO_DIR}/package-lock.json"; then
    log "dependencies unchanged: hard-linking them from $(basename "$(current_release)")"
    run cp -al "$previous_modules" "${STAGING}/node_modules"
  else
    run npm --prefix "$STAGING" ci --omit=dev --no-audit --no-fund --prefer-offline
  fi
  if ((!DRY_RUN)); then write_release_files "$STAGING" "${DEPLOY_ROOT}/releases/${RELEASE}"; fi
  if ! run node --env-file="${STAGING}/.env" "${STAGING}/dist/libs/database/src/cli/run-migrations.js"; then
    run rm -rf "$STAGING"
    fail "migrations failed; no process was touched and the current release keeps serving"
  fi
  step_done
}

current_release() {
  if [[ -L "${DEPLOY_ROOT}/current" ]]; then readlink -f "${DEPLOY_ROOT}/current"; fi
}

# The release before the current one, by name (names sort by their time).
previous_release() {
  local current
  current="$(basename "$(current_release)")"
  find "${DEPLOY_ROOT}/releases" -mindepth 1 -maxdepth 1 -type d -name 'tiergate-*' -printf '%f\n' 2>/dev/null |
    sort | awk -v current="$current" '$0 == current { print previous; exit } { previous = $0 }'
}

point_current_at() {
  local target="${DEPLOY_ROOT}/releases/$1"
  run ln -sfn "$target" "${DEPLOY_ROOT}/current.next"
  run mv -Tf "${DEPLOY_ROOT}/current.next" "${DEPLOY_ROOT}/current"
  log "current -> $1"
}

switch_release() {
  step switch
  PREVIOUS="$(current_release)"
  PREVIOUS="${PREVIOUS:+$(basename "$PREVIOUS")}"
  run mv "$STAGING" "${DEPLOY_ROOT}/releases/${RELEASE}"
  point_current_at "$RELEASE"
  local old
  [[ -d "${DEPLOY_ROOT}/releases" ]] || { step_done; return; }
  find "${DEPLOY_ROOT}/releases" -mindepth 1 -maxdepth 1 -type d -name 'tiergate-*' -printf '%f\n' | sort |
    head -n "-${KEEP_RELEASES}" | while read -r old; do
      if [[ "$old" != "$RELEASE" && "$old" != "$PREVIOUS" ]]; then
        run rm -rf "${DEPLOY_ROOT}/releases/${old}" "${DEPLOY_ROOT}/packages/${old}.tar.gz" "${DEPLOY_ROOT}/packages/${old}.tar.gz.sha256"
      fi
    done
  step_done
}

# pm2 with a clean environment: a release's processes get their settings from its own .env file
# only (node --env-file), never from whatever this shell holds (a rollback must not inherit the
# failed release's settings).
pm2() {
  env -i PATH="$PATH" HOME="${HOME:-/root}" PM2_HOME="$PM2_HOME" "${REPO_DIR}/node_modules/.bin/pm2" "$@"
}

start_release() {
  step processes
  # startOrReload: the first deploy starts; later ones reload the api cluster one worker at a
  # time (no dropped connection) and restart the worker.
  run pm2 startOrReload "${DEPLOY_ROOT}/releases/$1/ecosystem.config.js" --update-env
  step_done
}

healthy() {
  local deadline=$((SECONDS + HEALTH_TIMEOUT))
  while ((SECONDS < deadline)); do
    if curl -fsS --max-time 5 "http://127.0.0.1:${PORT}/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  return 1
}

health_check() {
  step health
  if ((DRY_RUN)); then
    log "[dry-run] wait for http://127.0.0.1:${PORT}/health/ready (up to ${HEALTH_TIMEOUT} s)"
  elif ! healthy; then
    if [[ -n "$PREVIOUS" && "$PREVIOUS" != "$1" ]]; then
      log "the health check failed; rolling back to ${PREVIOUS}"
      point_current_at "$PREVIOUS"
      # Set aside, so that a later --rollback never picks it.
      mv "${DEPLOY_ROOT}/releases/${1}" "${DEPLOY_ROOT}/releases/failed-${1}"
      pm2 startOrReload "${DEPLOY_ROOT}/releases/${PREVIOUS}/ecosystem.config.js" --update-env
      healthy || fail "${1} failed its health check, and ${PREVIOUS} did not come back healthy either"
      fail "${1} failed its health check within ${HEALTH_TIMEOUT} s; rolled back to ${PREVIOUS}, which is serving"
    fi
    fail "${1} failed its health check within ${HEALTH_TIMEOUT} s, and there is no previous release to return to"
  else
    log "/health/ready passes"
  fi
  step_done
}

rollback() {
  step rollback
  local target
  target="$(previous_release)"
  [[ -n "$target" ]] || fail "there is no previous release to roll back to"
  PREVIOUS="$(basename "$(current_release)")"
  log "rolling back from ${PREVIOUS} to ${target}"
  point_current_at "$target"
  step_done
  start_release "$target"
  health_check "$target"
}

main() {
  parse_args "$@"
  load_settings
  log "deploying to ${DEPLOY_ROOT}$( ((DRY_RUN)) && echo ' (dry run: nothing will change)')"
  if ((ROLLBACK)); then
    rollback
    log "rolled back to $(basename "$(current_release)")"
    return
  fi
  preflight
  package_release
  migrate_release
  switch_release
  start_release "$RELEASE"
  health_check "$RELEASE"
  if ((DRY_RUN)); then log "dry run finished: nothing was changed"; else log "deployed ${RELEASE}"; fi
}

main "$@"
