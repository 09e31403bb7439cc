#!/usr/bin/env bash
# A private single-node Slurm (munge + slurmctld + slurmd) and PostgreSQL 15 under one folder, no systemd.
#   local-cluster.sh up DIR    start everything; writes DIR/cluster.env (SLURM_CONF, ROBUSTNESS_STORE, PG*)
#   local-cluster.sh down DIR  stop everything started in DIR (by PID) and remove DIR
# Needs root and: slurmctld slurmd slurm-client munge postgresql (scripts/setup.sh installs them).
set -euo pipefail
cmd=${1:?up|down}; T=${2:?folder}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PGPORT=${PGPORT:-55432}; CTLD_PORT=${CTLD_PORT:-16817}; SLURMD_PORT=${SLURMD_PORT:-16818}
NODE=$(hostname -s)
export SLURM_CONF="$T/slurm/slurm.conf"
S() { timeout 15 "$@"; }   # Slurm clients retry for minutes when munge or slurmctld is unreachable

down() {
  set +e
  if [ -f "$T/slurm/slurmctld.pid" ]; then
    CTLD=$(cat "$T/slurm/slurmctld.pid"); SLURMD=$(cat "$T/slurm/slurmd.pid" 2>/dev/null)
    S scancel --quiet --user="$(id -un)"          # running steps would outlive the daemons
    for _ in $(seq 1 50); do [ -z "$(S squeue -h 2>/dev/null)" ] && break; sleep 0.2; done
    S scontrol shutdown >/dev/null 2>&1 || kill -TERM "$CTLD" "$SLURMD" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$CTLD" 2>/dev/null || kill -0 "$SLURMD" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$CTLD" "$SLURMD" 2>/dev/null
  fi
  [ -f "$T/pg/data/postmaster.pid" ] && su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $T/pg/data -m fast -w stop" >/dev/null
  [ -f "$T/munge/munged.pid" ] && munged --stop --socket="$T/munge/munge.sock" 2>/dev/null
  rm -rf "$T"
  return 0
}

up() {
  mkdir -p "$T"; chmod 755 "$T"
  mkdir -p "$T/munge"; chmod 755 "$T/munge"
  dd if=/dev/urandom of="$T/munge/munge.key" bs=1 count=1024 2>/dev/null; chmod 400 "$T/munge/munge.key"
  munged --socket="$T/munge/munge.sock" --key-file="$T/munge/munge.key" --pid-file="$T/munge/munged.pid" \
         --log-file="$T/munge/munged.log" --seed-file="$T/munge/munged.seed"

  mkdir -p "$T/slurm/state" "$T/slurm/spool" "$T/slurm/log" "$T/out"
  cat > "$SLURM_CONF" <<CONF
ClusterName=robustness
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$T/munge/munge.sock
StateSaveLocation=$T/slurm/state
SlurmdSpoolDir=$T/slurm/spool
SlurmctldPidFile=$T/slurm/slurmctld.pid
SlurmdPidFile=$T/slurm/slurmd.pid
SlurmctldLogFile=$T/slurm/log/slurmctld.log
SlurmdLogFile=$T/slurm/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
# A loaded machine (the test suite beside busy loops on 2 cores) answers slowly: Slurm's defaults would declare a
# batch launch missing after 10 s, an RPC lost after 10 s, and the node down when a ping is late, killing tasks.
MessageTimeout=60
TCPTimeout=15
BatchStartTimeout=300
SlurmdTimeout=0
MailProg=/bin/true
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONF
  slurmctld -f "$SLURM_CONF"
  slurmd -f "$SLURM_CONF"
  for _ in $(seq 1 480); do [ "$(S sinfo -h -o %t 2>/dev/null)" = idle ] && break; sleep 0.25; done   # up to 2 min
  [ "$(S sinfo -h -o %t)" = idle ] || { tail -n 30 "$T"/slurm/log/*.log >&2; echo "slurm did not come up" >&2; return 1; }

  mkdir -p "$T/pg" "$T/pgsock"; chown postgres:postgres "$T/pg" "$T/pgsock"
  su postgres -s /bin/sh -c "$PGBIN/initdb -D $T/pg/data -U postgres --auth=trust -E UTF8 --no-locale --no-sync" >"$T/initdb.log"
  su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $T/pg/data -l $T/pg/server.log -w \
     -o \"-p $PGPORT -k $T/pgsock -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
  createdb -h 127.0.0.1 -p "$PGPORT" -U postgres robustness

  cat > "$T/cluster.env" <<ENV
SLURM_CONF=$SLURM_CONF
PGHOST=127.0.0.1
PGPORT=$PGPORT
PGUSER=postgres
ROBUSTNESS_STORE=postgres://postgres@127.0.0.1:$PGPORT/robustness
ENV
  echo "cluster up in $T"
}

case "$cmd" in
  up) up || { down; exit 1; } ;;
  down) down ;;
  *) echo "usage: $0 up|down DIR" >&2; exit 2 ;;
esac
