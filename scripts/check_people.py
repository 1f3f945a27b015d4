#!/usr/bin/env python3
"""Checks data/{offices,people,terms}.tsv: columns, ids, references, dates, sort
order and overlapping terms of single-holder offices.

  python3 scripts/check_people.py [data_dir]      # exit status 1 on any error
"""
import datetime
import re
import sys

SINGLE_HOLDER = {'head_of_state', 'head_of_government', 'foreign_minister', 'defence_minister',
                 'spokesperson', 'security_council_secretary', 'supreme_leader', 'vice_president',
                 'ambassador', 'secretary_general', 'president', 'high_representative',
                 'director_general', 'chairperson'}
KINDS = SINGLE_HOLDER | {'deputy_foreign_minister', 'foreign_ministry_spokesperson'}
DATE = re.compile(r'^(\d{4})-(\d{2})(?:-(\d{2}))?$')
END = datetime.date(2026, 11, 28)
errors = []


def read(path, columns):
    rows = []
    with open(path, encoding='utf-8') as f:
        header = None
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            fields = line.split('\t')
            if header is None:
                header = fields
                for c in columns:
                    if c not in header:
                        errors.append('%s: missing column %r' % (path, c))
                continue
            if len(fields) != len(header):
                errors.append('%s:%d: %d fields, header has %d' % (path, n, len(fields), len(header)))
                continue
            rows.append((n, dict(zip(header, fields))))
    return rows


def parse_date(s, where, last):
    m = DATE.match(s)
    if not m:
        errors.append('%s: bad date %r' % (where, s))
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        if d is None:
            day = 28 if last else 1  # a month-only date spans its month
            return datetime.date(y, mo, day)
        return datetime.date(y, mo, int(d))
    except ValueError:
        errors.append('%s: bad date %r' % (where, s))
        return None


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else 'data'
    op, pp, tp = data + '/offices.tsv', data + '/people.tsv', data + '/terms.tsv'
    offices = read(op, ['id', 'country', 'org', 'kind', 'name_en', 'source'])
    people = read(pp, ['id', 'name_en', 'names', 'country', 'source'])
    terms = read(tp, ['person', 'office', 'from', 'to', 'note', 'source'])
    office_kind = {}
    for n, r in offices:
        w = '%s:%d' % (op, n)
        if r['id'] in office_kind:
            errors.append('%s: duplicate id %s' % (w, r['id']))
        office_kind[r['id']] = r['kind']
        if r['kind'] not in KINDS:
            errors.append('%s: unknown kind %r' % (w, r['kind']))
        if bool(r['country']) == bool(r['org']):
            errors.append('%s: exactly one of country/org must be set' % w)
        if r['country'] and not re.match(r'^[A-Z]{3}$', r['country']):
            errors.append('%s: bad country %r' % (w, r['country']))
        prefix = r['country'] or r['org']
        if not r['id'].startswith(prefix + '.' + r['kind']):
            errors.append('%s: id %r does not match country/org and kind' % (w, r['id']))
        if not r['name_en'] or not r['source']:
            errors.append('%s: empty name_en or source' % w)
    ids = [r['id'] for _, r in offices]
    if ids != sorted(ids):
        errors.append('%s: not sorted by id' % op)
    person_ids = set()
    alias_owner = {}
    for n, r in people:
        w = '%s:%d' % (pp, n)
        if not re.match(r'^[a-z0-9]+(_[a-z0-9]+)*$', r['id']):
            errors.append('%s: id %r is not snake_case' % (w, r['id']))
        if r['id'] in person_ids:
            errors.append('%s: duplicate id %s' % (w, r['id']))
        person_ids.add(r['id'])
        names = r['names'].split('|')
        if r['name_en'] not in names:
            errors.append('%s: name_en not among names' % w)
        if len(set(names)) != len(names) or '' in names:
            errors.append('%s: empty or repeated name' % w)
        for a in names:
            if a != a.strip():
                errors.append('%s: name %r has surrounding spaces' % (w, a))
            alias_owner.setdefault(a, []).append(r['id'])
        if not re.match(r'^[A-Z]{3}$', r['country']) or not r['source']:
            errors.append('%s: bad country or empty source' % w)
    pids = [r['id'] for _, r in people]
    if pids != sorted(pids):
        errors.append('%s: not sorted by id' % pp)
    spans = {}
    keys = []
    for n, r in terms:
        w = '%s:%d' % (tp, n)
        keys.append((r['person'], r['from'], r['office']))
        if r['person'] not in person_ids:
            errors.append('%s: unknown person %r' % (w, r['person']))
        if r['office'] not in office_kind:
            errors.append('%s: unknown office %r' % (w, r['office']))
        if not r['source']:
            errors.append('%s: empty source' % w)
        a = parse_date(r['from'], w, False)
        b = parse_date(r['to'], w, True) if r['to'] else END
        if a and b:
            if a > b:
                errors.append('%s: from after to' % w)
            if a > END:
                errors.append('%s: starts in the future' % w)
            # Month-only dates ("2019-12") hand over somewhere within that month.
            b0 = parse_date(r['to'], w, False) if r['to'] else END
            a0 = parse_date(r['from'], w, True)
            spans.setdefault(r['office'], []).append((a, b0, r['person'], n, a0))
    if keys != sorted(keys):
        errors.append('%s: not sorted by person then from' % tp)
    for office, lst in spans.items():
        if office_kind.get(office) not in SINGLE_HOLDER:
            continue
        lst.sort()
        for (a1, b1, p1, n1, _), (a2, b2, p2, n2, a2late) in zip(lst, lst[1:]):
            if (b1 - a2late).days > 1:
                errors.append('%s:%d and :%d: overlapping terms of %s (%s, %s)' % (tp, n1, n2, office, p1, p2))
    shared = sorted(a for a, o in alias_owner.items() if len(o) > 1)
    for e in errors:
        print(e)
    countries = sorted({r['country'] for _, r in offices if r['country']})
    orgs = sorted({r['org'] for _, r in offices if r['org']})
    print('%d people, %d offices, %d terms; %d countries, %d organizations; %d names shared by '
          'several people: %s' % (len(people), len(offices), len(terms), len(countries), len(orgs),
                                  len(shared), ' '.join(shared)))
    print('countries: ' + ' '.join(countries))
    print('organizations: ' + ' '.join(orgs))
    print('%d errors' % len(errors))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
