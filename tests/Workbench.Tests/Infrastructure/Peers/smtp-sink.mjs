// A local SMTP sink for the e-mail tests: smtp-server (the SMTP server of the Nodemailer project) on 127.0.0.1,
// accepting any sender and recipient; each message is parsed with mailparser and printed as one JSON line.
// Usage: node Interop/smtp-sink.mjs <port>
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const port = Number(process.argv[2]);
const server = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS'],
  async onData(stream, session, callback) {
    try {
      const mail = await simpleParser(stream);
      console.log(JSON.stringify({
        from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map(r => r.address), subject: mail.subject, text: mail.text,
        attachments: mail.attachments.map(a => ({ fileName: a.filename, contentType: a.contentType, content: a.content.toString('utf8') })),
      }));
      callback();
    } catch (error) { callback(error); }
  },
});
server.listen(port, '127.0.0.1', () => console.log('ready'));
