// Vite hands a file imported with `?raw` over as its text; the hex layout is read that way.
declare module '*.hexjson?raw' {
  const text: string;
  export default text;
}
