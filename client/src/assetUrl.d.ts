// Vite's `?url` imports: the emitted file's URL (used for the PDF worker, loaded from our origin).
declare module '*?url' {
  const url: string;
  export default url;
}
