/** A language of subkit's messages and descriptions: pass it to setLocale, or as the `locale` option. */
declare const locale: {
  readonly locale: string;
  readonly messages: { readonly [code: string]: string };
  readonly frequency?: { readonly [key: string]: unknown };
};
export = locale;
