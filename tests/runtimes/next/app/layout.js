import { connection } from "next/server";

// As in the other apps' pages, so that Chromium asks for no favicon (a 404).
export const metadata = { icons: { icon: "data:," } };

// Next.js puts the request's CSP nonce on its own scripts only when it renders per request.
export default async function RootLayout({ children }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
