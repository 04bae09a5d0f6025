#!/usr/bin/env bash
# Starts a throwaway OpenLDAP server (Debian's slapd) on 127.0.0.1 for the LDAP tests: the directory in
# directory.ldif, StartTLS on the ldap:// port and LDAPS on a second port, with a certificate from a CA made here.
# Usage: tests/ldap/slapd.sh <empty folder>  → prints "LDAP_PORT LDAPS_PORT"; the CA is in <folder>/ca (hashed, for
# LdapSessionOptions.TrustedCertificatesDirectory); the server's pid is in <folder>/slapd.pid.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$1
mkdir -p "$dir/db" "$dir/ca"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Workbench test CA" -keyout "$dir/ca.key" -out "$dir/ca/ca.crt" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > "$dir/san.ext"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca/ca.crt" -CAkey "$dir/ca.key" -CAserial "$dir/ca.srl" -CAcreateserial -days 2 -extfile "$dir/san.ext" -out "$dir/server.crt" 2>/dev/null
openssl rehash "$dir/ca" 2>/dev/null || c_rehash "$dir/ca" >/dev/null
cat > "$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $dir/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
TLSCACertificateFile $dir/ca/ca.crt
TLSCertificateFile $dir/server.crt
TLSCertificateKeyFile $dir/server.key
database mdb
maxsize 104857600
suffix "dc=riga,dc=lv"
rootdn "cn=admin,dc=riga,dc=lv"
rootpw admin-secret
directory $dir/db
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
CONF
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 20000)); tls=$((port + 1))
  if slapd -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$port/ ldaps://127.0.0.1:$tls/" 2>"$dir/slapd.log"; then
    for i in $(seq 50); do ldapsearch -x -H "ldap://127.0.0.1:$port" -b "" -s base >/dev/null 2>&1 && break; sleep 0.1; done
    ldapadd -x -H "ldap://127.0.0.1:$port" -D "cn=admin,dc=riga,dc=lv" -w admin-secret -f "$here/directory.ldif" >/dev/null
    echo "$port $tls"
    exit 0
  fi
done
cat "$dir/slapd.log" >&2
exit 1
