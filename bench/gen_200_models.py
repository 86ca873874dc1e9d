#!/usr/bin/env python3
"""Writes a realistic 200-model GraphQL transform schema (Amplify transformer v2) for
bench/modelgen.sh: 20 business domains of 10 @model types each, with enums, non-model types,
custom primary keys, secondary indexes, @hasMany/@belongsTo/@hasOne/@manyToMany, auth rules of
every strategy, field-level auth and custom queries. Deterministic: same bytes on every run.

  bench/gen_200_models.py OUT.graphql
"""
import sys

DOMAINS = ['Retail', 'Clinic', 'School', 'Fleet', 'Hotel', 'Bank', 'Studio', 'Farm', 'Gym',
           'Library', 'Airline', 'Theater', 'Museum', 'Garage', 'Bakery', 'Court', 'Lab', 'Port',
           'Radio', 'Stadium']

PUBLIC_READ = '{ allow: public, provider: apiKey, operations: [read] }'


def enums(d):
    return f'''enum {d}Status {{ DRAFT ACTIVE SUSPENDED ARCHIVED }}
enum {d}Priority {{ low normal high urgent }}
'''


def non_models(d):
    return f'''type {d}Address {{
  street: String!
  city: String!
  postalCode: String
  country: String!
  geo: {d}GeoPoint
}}

type {d}GeoPoint {{
  lat: Float!
  lng: Float!
}}

type {d}Money {{
  amount: Int!
  currency: String!
}}
'''


def account(d, i):
    return f'''type {d}Account @model @auth(rules: [{PUBLIC_READ}, {{ allow: groups, groups: ["{d}Admins"] }}, {{ allow: owner, ownerField: "ownerSub", identityClaim: "sub", operations: [read, update] }}]) {{
  code: String! @primaryKey
  name: String!
  ownerSub: String
  status: {d}Status!
  email: AWSEmail @index(name: "by{d}AccountEmail", queryField: "{d.lower()}AccountByEmail")
  phone: AWSPhone
  address: {d}Address
  balance: {d}Money
  tier{i}: Int
  orders: [{d}Order] @hasMany(indexName: "by{d}Account", fields: ["code"])
  profile: {d}Profile @hasOne
  payments: [{d}Payment] @hasMany
}}
'''


def profile(d):
    return f'''type {d}Profile @model @auth(rules: [{{ allow: owner }}, {{ allow: private, operations: [read] }}]) {{
  id: ID!
  account: {d}Account @belongsTo
  displayName: String!
  bio: String
  avatar: AWSURL
  birthday: AWSDate
  preferences: AWSJSON
  languages: [String!]
  secretNote: String @auth(rules: [{{ allow: owner }}])
}}
'''


def order(d):
    return f'''type {d}Order @model @auth(rules: [{{ allow: owner }}, {{ allow: groups, groups: ["{d}Admins", "{d}Staff"] }}]) {{
  id: ID!
  accountCode: String! @index(name: "by{d}Account", sortKeyFields: ["placedAt"], queryField: "{d.lower()}OrdersByAccount")
  account: {d}Account @belongsTo(fields: ["accountCode"])
  placedAt: AWSDateTime!
  status: {d}Status! @index(name: "by{d}OrderStatus", sortKeyFields: ["priority", "placedAt"])
  priority: {d}Priority!
  total: {d}Money!
  shipTo: {d}Address
  notes: [String]
  items: [{d}Item] @hasMany
  events: [{d}Event] @hasMany(indexName: "by{d}Order", fields: ["id"])
}}
'''


def item(d):
    return f'''type {d}Item @model @auth(rules: [{{ allow: owner }}, {{ allow: groups, groups: ["{d}Admins", "{d}Staff"] }}]) {{
  sku: String! @primaryKey(sortKeyFields: ["line"])
  line: Int!
  order: {d}Order @belongsTo
  quantity: Int!
  unitPrice: {d}Money!
  weightKg: Float
  fragile: Boolean
  dimensions: [Float!]!
}}
'''


def event(d):
    return f'''type {d}Event @model(timestamps: {{ createdAt: "recordedAt", updatedAt: "revisedAt" }}) @auth(rules: [{{ allow: private, provider: iam }}, {{ allow: groups, groups: ["{d}Admins"] }}]) {{
  id: ID!
  orderID: ID! @index(name: "by{d}Order", sortKeyFields: ["at"])
  at: AWSDateTime!
  day: AWSDate!
  time: AWSTime
  epoch: AWSTimestamp!
  sourceIp: AWSIPAddress
  payload: AWSJSON
  kind: String! @index(name: "by{d}EventKind", queryField: "{d.lower()}EventsByKind")
}}
'''


def note(d):
    return f'''type {d}Note @model @auth(rules: [{{ allow: owner, ownerField: "authors", operations: [create, read, update] }}, {{ allow: groups, groupsField: "teams", operations: [read] }}]) {{
  id: ID!
  authors: [String]
  teams: [String!]
  title: String!
  body: String
  pinned: Boolean
  tags: [{d}Tag] @manyToMany(relationName: "{d}NoteTag")
}}
'''


def tag(d):
    return f'''type {d}Tag @model @auth(rules: [{PUBLIC_READ}, {{ allow: private }}]) {{
  id: ID!
  label: String! @index(name: "by{d}TagLabel")
  color: String
  notes: [{d}Note] @manyToMany(relationName: "{d}NoteTag")
  reviews: [{d}Review] @hasMany(indexName: "by{d}Tag", fields: ["id"])
}}
'''


def review(d):
    return f'''type {d}Review @model @searchable @auth(rules: [{PUBLIC_READ}, {{ allow: owner, operations: [create, update, delete] }}]) {{
  id: ID!
  tagID: ID! @index(name: "by{d}Tag", sortKeyFields: ["stars"])
  tag: {d}Tag @belongsTo(fields: ["tagID"])
  stars: Int!
  text: String
  helpful: Int @default(value: "0")
}}
'''


def payment(d):
    return f'''type {d}Payment @model @auth(rules: [{{ allow: groups, groups: ["{d}Finance"] }}, {{ allow: custom }}]) {{
  id: ID!
  account: {d}Account @belongsTo
  amount: {d}Money!
  method: String!
  paidAt: AWSDateTime
  reference: String @index(name: "by{d}PaymentReference", queryField: "{d.lower()}PaymentByReference")
}}
'''


def log(d):
    return f'''type {d}Log @model(subscriptions: null, timestamps: null) @auth(rules: [{{ allow: private, provider: iam }}]) {{
  stream: String! @primaryKey(sortKeyFields: ["ts"])
  ts: AWSTimestamp!
  level: {d}Priority!
  message: String!
  context: AWSJSON
}}
'''


def domain(index, d):
    parts = [enums(d), non_models(d), account(d, index), profile(d), order(d), item(d), event(d),
             note(d), tag(d), review(d), payment(d), log(d)]
    return '\n'.join(parts)


def queries():
    fields = []
    for d in DOMAINS:
        fields.append(f'  {d.lower()}Stats(from: AWSDate!, to: AWSDate, status: [{d}Status!]): '
                      f'{d}Money @function(name: "{d.lower()}Stats-${{env}}")')
    return 'type Query {\n' + '\n'.join(fields) + '\n}\n'


def schema():
    header = ('# 200 @model types in 20 domains (bench/gen_200_models.py); '
              'manyToMany adds 20 join models.\n\n')
    return header + '\n'.join(domain(i, d) for i, d in enumerate(DOMAINS)) + '\n' + queries()


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: gen_200_models.py OUT.graphql')
    text = schema()
    models = sum(1 for line in text.splitlines() if line.startswith('type ') and ' @model' in line)
    if models != 200:
        sys.exit(f'gen_200_models.py: generated {models} models, expected 200')
    with open(sys.argv[1], 'w', encoding='utf-8', newline='\n') as handle:
        handle.write(text)


if __name__ == '__main__':
    main()
