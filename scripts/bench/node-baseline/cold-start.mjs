// The cold-start bench's baseline (scripts/bench/cold-start): a fresh Node 20 process with the AWS SDK v3 making the
// DynamoDB calls (and, for initiate, the Daraja HTTP calls) that one of our API functions makes on its hot path,
// against the same dynalite and Daraja simulator. Prints one JSON line: the time from the process's start
// (performance.timeOrigin) to the end of the last call, in ms.
//   node cold-start.mjs packages|initiate|authorize  (settings in the environment, see below)
import { DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';

const env = process.env;
const db = new DynamoDBClient({
  region: env.AWS_REGION,
  endpoint: env.DYNAMODB_ENDPOINT,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const S = (value) => ({ S: String(value) });
const N = (value) => ({ N: String(value) });

async function packages() { // PaymentApi GET /api/payment/packages: one Scan of Packages
  const scan = await db.send(new ScanCommand({ TableName: env.PACKAGES_TABLE }));
  return scan.Items.length;
}

async function daraja(path, init) {
  const answer = await fetch(env.DARAJA_BASE_URL + path, init);
  return answer.json();
}

async function initiate() { // PaymentApi POST /api/payment/initiate: 4 DynamoDB calls, OAuth, STK push, 2 STK queries
  const gateway = await db.send(new GetItemCommand({ TableName: env.GATEWAYS_TABLE, Key: { gatewayId: S('default') }, ConsistentRead: true }));
  if (!gateway.Item) throw new Error('no default gateway');
  const id = randomUUID();
  const mac = env.BENCH_MAC;
  const now = new Date();
  await db.send(new PutItemCommand({ TableName: env.GUARDS_TABLE, Item: { key: S(`inflight#${env.BENCH_PHONE}#${mac}`),
    transactionId: S(id), expiresAt: N(Math.floor(now / 1000) + 120) }, ConditionExpression: 'attribute_not_exists(#k)',
    ExpressionAttributeNames: { '#k': 'key' } }));
  await db.send(new PutItemCommand({ TableName: env.TRANSACTIONS_TABLE, Item: { transactionId: S(id), phone: S(env.BENCH_PHONE),
    packageId: S('basic'), amountKES: N(20), status: S('pending'), gatewayId: S('default'), mac: S(mac), createdAt: S(now.toISOString()),
    day: S(now.toISOString().slice(0, 10)), pendingShard: S('0'), version: N(1) }, ConditionExpression: 'attribute_not_exists(transactionId)' }));
  const basic = Buffer.from(`${env.DARAJA_CONSUMER_KEY}:${env.DARAJA_CONSUMER_SECRET}`).toString('base64');
  const token = await daraja('/oauth/v1/generate?grant_type=client_credentials', { headers: { Authorization: `Basic ${basic}` } });
  const timestamp = now.toISOString().replace(/[-:TZ]/g, '').slice(0, 14);
  const password = Buffer.from(env.DARAJA_SHORTCODE + env.DARAJA_PASSKEY + timestamp).toString('base64');
  const auth = { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json' };
  const push = await daraja('/mpesa/stkpush/v1/processrequest', { method: 'POST', headers: auth, body: JSON.stringify({
    BusinessShortCode: env.DARAJA_SHORTCODE, Password: password, Timestamp: timestamp, TransactionType: env.DARAJA_TRANSACTION_TYPE,
    Amount: 20, PartyA: env.BENCH_PHONE, PartyB: env.DARAJA_SHORTCODE, PhoneNumber: env.BENCH_PHONE,
    CallBackURL: `${env.CALLBACK_BASE_URL}/api/payment/callback/not-a-token`, AccountReference: 'WIFI', TransactionDesc: 'Basic' }) });
  if (!push.CheckoutRequestID) throw new Error(`STK push refused: ${JSON.stringify(push)}`);
  await db.send(new UpdateItemCommand({ TableName: env.TRANSACTIONS_TABLE, Key: { transactionId: S(id) },
    UpdateExpression: 'SET checkoutRequestId = :c, merchantRequestId = :m', ConditionExpression: 'version = :v',
    ExpressionAttributeValues: { ':c': S(push.CheckoutRequestID), ':m': S(push.MerchantRequestID), ':v': N(1) } }));
  for (let i = 0; i < 2; i++) {
    await daraja('/mpesa/stkpushquery/v1/query', { method: 'POST', headers: auth, body: JSON.stringify({
      BusinessShortCode: env.DARAJA_SHORTCODE, Password: password, Timestamp: timestamp, CheckoutRequestID: push.CheckoutRequestID }) });
  }
  return push.CheckoutRequestID;
}

async function authorize() { // AuthApi POST /api/radius/authorize for a live session: Gateways, Logins, Sessions
  const gateway = await db.send(new GetItemCommand({ TableName: env.GATEWAYS_TABLE, Key: { gatewayId: S('default') } }));
  const login = await db.send(new GetItemCommand({ TableName: env.LOGINS_TABLE, Key: { sessionId: S(env.BENCH_SESSION_ID) } }));
  if (!gateway.Item || !login.Item) throw new Error('no gateway or no login for the session');
  const session = await db.send(new GetItemCommand({ TableName: env.SESSIONS_TABLE, Key: { deviceKey: login.Item.deviceKey } }));
  if (!session.Item) throw new Error('no session');
  return session.Item.deviceKey.S;
}

const cases = { packages, initiate, authorize };
const run = cases[process.argv[2]];
if (!run) throw new Error(`usage: node cold-start.mjs ${Object.keys(cases).join('|')}`);
const answer = await run();
console.log(JSON.stringify({ processStartToResponseMs: performance.now(), answer }));
