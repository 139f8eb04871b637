import Answers from "./answers-client.js";

export default function Page() {
  return <Answers />;
}
